# maketrans / translate
t = str.maketrans("abc", "xyz")
print(sorted(t.items()))
print("aabbcc-abc".translate(t))
t2 = str.maketrans("ab", "12", "c")
print(sorted(t2.items()), "abcabc".translate(t2))
t3 = str.maketrans({"a": "AA", "b": None, ord("c"): 99})
print(sorted(t3.items()), "abcd".translate(t3))
print("hello".translate({ord("l"): "L"}), "hello".translate({}), "héllo".translate({233: "e"}))
print("abc".translate({97: None, 98: 120}))
print(str.maketrans("", "", "xyz") == {120: None, 121: None, 122: None})
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans(1),
            lambda: "a".translate({97: 1.5}), lambda: str.maketrans("a", 1), lambda: "a".translate({97: 0x110000})]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

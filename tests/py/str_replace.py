# str.replace
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "aaa".replace("a", "b", 0), "aaa".replace("a", "b", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "abc".replace("x", "y"))
print("hello world".replace("o", "0").replace("l", "1"), "aaaa".replace("aa", "b"), "ééé".replace("é", "e", 1))
print("a.b.c".replace(".", ""), "ab" * 3 .replace("ba", "X") if False else ("ab" * 3).replace("ba", "X"))
print(len(("x" * 10000).replace("x", "yy")))
for bad in [lambda: "a".replace(1, "b"), lambda: "a".replace("a", 2), lambda: "a".replace("a"), lambda: "a".replace("a", "b", "c")]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

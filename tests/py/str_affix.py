# startswith / endswith with tuples and ranges
s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith("wor", 6, 8), s.startswith("wor", 6, 9))
print(s.endswith("world"), s.endswith("hello", 0, 5), s.endswith("hell", 0, -7), s.endswith(""), s.startswith("", 11), s.startswith("", 12))
print(s.startswith(("x", "he")), s.endswith(("x", "y")), s.startswith(()), s.endswith(("ld",), -2))
print("".startswith(""), "".endswith("a"), "abc".startswith("abc", -3), "abc".endswith("c", -1, None))
for bad in [lambda: s.startswith(1), lambda: s.endswith(["a"]), lambda: s.startswith(("a", 1)), lambda: s.startswith()]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

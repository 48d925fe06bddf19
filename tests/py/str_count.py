# str.count
s = "abababa"
print(s.count("a"), s.count("aba"), s.count("ab", 1), s.count("ab", 1, 4), s.count(""), s.count("", 2, 4), s.count("x"))
print("".count(""), "".count("a"), "aaa".count("a", -2), "aaa".count("", 10), "ééé".count("é"), "abc".count("", 1, 0))
try:
    s.count(None)
except TypeError as e:
    print("TypeError", e)

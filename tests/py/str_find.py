# find, rfind, index, rindex
s = "hello world, hello"
print(s.find("hello"), s.find("hello", 1), s.find("hello", 1, 10), s.find("z"), s.find(""), s.find("", 100), s.find("", 18))
print(s.rfind("hello"), s.rfind("hello", 0, 17), s.rfind("o"), s.rfind(""), s.rfind("o", -5), s.rfind("o", -100, -10))
print(s.index("world"), s.rindex("l"), s.index("l", 5), s.rindex("l", 0, 5), s.find("o", None, None), s.find("h", -1))
u = "ünïcödé ünïcödé"
print(u.find("cö"), u.rfind("cö"), u.index("é", 7), u.find("d", 3, 6), u.rfind("ü", 1))
print("abc".find("c", 2, 1), "abc".find("", 3), "abc".find("", 4), "abc".rfind("", 4))
for bad in [lambda: s.index("z"), lambda: s.rindex("z"), lambda: s.find(1), lambda: s.index("h", 1, 3), lambda: s.find("a", "b"),
            lambda: s.find()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# str.split
s = "  a b\tc\n d  "
print(s.split(), s.split(None), s.split(None, 1), s.split(maxsplit=2), s.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".split(",", maxsplit=0), "".split(","), "".split())
print("a--b--c".split("--"), "a--b--c".split(sep="--", maxsplit=1), "abc".split("abc"), "aaa".split("a"))
print("x\u3000y\u2003z".split(), "a\x1cb\x1fc".split(), "one".split(None, -1), "a b c".split(" ", -5))
print("  lead".split(" "), "trail  ".split(), "\n\n".split("\n"))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(",", "1"), lambda: "a".split(",", 1, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

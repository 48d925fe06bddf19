# str.rsplit
s = "  a b\tc\n d  "
print(s.rsplit(), s.rsplit(None, 1), s.rsplit(maxsplit=2), s.rsplit(" "))
print("a,b,,c,".rsplit(","), "a,b,,c,".rsplit(",", 1), "a,b,c".rsplit(",", maxsplit=0), "".rsplit(","), "".rsplit())
print("a--b--c".rsplit("--", 1), "aaaa".rsplit("aa"), "aaa".rsplit("aa", 1), "x  y  z".rsplit(None, 1))
print("path/to/file.txt".rsplit("/", 1), "file.tar.gz".rsplit(".", 1)[-1])
try:
    "a".rsplit("")
except ValueError as e:
    print("ValueError", e)

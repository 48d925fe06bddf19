# bytes methods shared with str
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b.split(b","), b.rsplit(b"l", 1), b.split(maxsplit=1), b"a,b,,c".split(b","), b"".split())
print(b.find(b"World"), b.rfind(b"l"), b.index(b"H"), b.count(b"l"), b.find(111), b.count(108), b.rindex(b"o"))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.startswith(b"  H"), b.endswith((b"x", b"  ")), b.startswith(b"H", 2))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), b.partition(b","), b.rpartition(b"o"), b"abc".partition(b"x"))
print(b"42".zfill(5), b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"123".isdigit(), b"ab1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"hello world".capitalize(), b"one\ntwo\r\nthree".splitlines(), b"one\ntwo".splitlines(True))
print(b"prefix-x".removeprefix(b"prefix-"), b"x.txt".removesuffix(b".txt"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")))
print(b"abc".translate(None, b"b"), bytes.maketrans(b"a", b"b")[97], b"%s-%d-%x-%r" % (b"x", 5, 255, b"y"))
print(b"%5s|%-5s|%c%c" % (b"ab", b"cd", 65, b"B"), b"%(k)s" % {b"k": b"v"}, b"%a" % "é")
for bad in [lambda: b"a".split(b""), lambda: b"a".find("a"), lambda: b"a".join(["a"]), lambda: b"%s" % "x", lambda: b"a".replace("a", "b"),
            lambda: b"a".index(b"z"), lambda: b"a".center(3, "x"), lambda: b"%d" % b"1"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

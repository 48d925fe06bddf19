# strip, lstrip, rstrip
s = " \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abc".strip(""), "abc".strip(None), "aaa".strip("a"))
print("www.example.com".lstrip("cmowz."), "www.example.com".rstrip("cmowz."), "mississippi".rstrip("ipz"))
print(repr("\u3000 wide \u2029".strip()), repr("\x1c\x1dx\x1e\x1f".strip()), repr("\x85x\xa0".strip()))
print(repr("".strip()), repr("   ".strip()), "ééaéé".strip("é"))
for bad in [lambda: "a".strip(1), lambda: "a".lstrip(["a"]), lambda: "a".rstrip("a", "b")]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

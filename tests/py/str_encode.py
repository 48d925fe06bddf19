# str.encode and bytes.decode round trips
for s in ["hello", "héllo", "日本語", "😀", ""]:
    b = s.encode()
    print(repr(s), b, len(b), b.decode() == s, s.encode("utf-8") == b)
print("abc".encode("ascii"), "é".encode("latin-1"), "é".encode("latin1"), "abc".encode(encoding="UTF-8"))
print("héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "replace"), "héllo".encode("ascii", errors="backslashreplace"))
print(b"h\xc3\xa9llo".decode(), b"h\xe9llo".decode("latin-1"), b"h\xe9llo".decode("utf-8", "replace"), b"h\xe9llo".decode("ascii", "ignore"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(b"x\xffy", "utf-8", "replace"))
for bad in [lambda: "é".encode("ascii"), lambda: "日".encode("latin-1"), lambda: b"\xff".decode(), lambda: b"\xe9".decode("ascii"),
            lambda: "a".encode("nope"), lambda: b"a".decode("nope"), lambda: b"\xc3".decode("utf-8"), lambda: "a".encode("ascii", "bogus")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

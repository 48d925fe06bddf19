# bytes construction, repr, indexing, slicing
b = b"hello\x00\xff'\"\n"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], b[::3], list(b[:3]), b[100:])
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(b"ab"), bytes(bytearray(b"xy")), bytes(range(5)), bytes("é", "utf-8"))
print(bytes("abc", encoding="ascii"), bytes((1, 2)), bytes(iter([7])), b"a" b"b", repr(b"'"), repr(b"'\""))
print(b"abc" == b"abc", b"abc" < b"abd", b"ab" < b"abc", b"abc" + b"d", b"ab" * 2, 2 * b"x", b"" * 5)
print(b"b" in b"abc", 98 in b"abc", b"" in b"a", 300 in b"a" if False else 0 in b"\x00")
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2), bytes.fromhex(""))
print(hash(b"abc") == hash(b"abc"), [x for x in b"hi"], b"hi"[0] + 1, b"\x80abc".decode("latin-1"))
for bad in [lambda: b"a"[5], lambda: bytes(-1), lambda: bytes([256]), lambda: bytes("abc"), lambda: bytes(1.5), lambda: b"a" + "b",
            lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("abc"), lambda: "a" in b"a", lambda: 256 in b"a", lambda: b"a"["x"],
            lambda: bytes([1, "a"])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError", e)

print(chr(65), chr(97), chr(0x20ac), chr(0x1f600), ord("A"), ord("€"), ord("😀"), ord(b"a"), ord(bytearray(b"z")), chr(True))
print([chr(i) for i in range(60, 70)], "".join(chr(ord(c) + 1) for c in "HAL"))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr(1.5), lambda: chr("a"), lambda: ord(""), lambda: ord("ab"), lambda: ord(65),
            lambda: ord(b"ab"), lambda: chr(2**70)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

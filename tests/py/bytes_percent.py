# bytes % formatting and bytes formatting helpers
print(b"%d + %d = %d" % (1, 2, 3), b"%5d|%-5d|%05d" % (7, 7, 7), b"%x %X %o %#x" % (255, 255, 8, 255))
print(b"%s and %b" % (b"bytes", bytearray(b"array")), b"%c%c%c" % (104, b"i", 33), b"%%" % (), b"%r" % b"q")
print(b"%(a)s=%(b)d" % {b"a": b"key", b"b": 5}, b"%.2f %e" % (3.14159, 1234.5), b"%a" % "\xe9")
print(bytearray(b"%s-%s") % (b"a", b"b"), type(bytearray(b"%s") % b"x").__name__, b"%5s|%-5s|" % (b"ab", b"cd"))
for fmt, args in [(b"%s", "str"), (b"%d", b"1"), (b"%c", 256), (b"%c", b"ab"), (b"%z", 1), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b"))]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)

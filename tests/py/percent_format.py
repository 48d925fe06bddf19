print("%s is %d years" % ("Bob", 30))
print("%5.2f|%-6s|%06d|%x|%X|%o|%e" % (3.14159, "ab", 42, 255, 255, 8, 12345.678))
print("%r %s" % ("q", "q"), "%%", "%c%c" % (72, "i"))
print("%(name)s=%(val)03d" % {"name": "k", "val": 7})
print("%+d % d %i" % (5, 5, -3))
print("%.3s|%10.4f|%-10d|" % ("abcdef", 2.5, 7))
print("single %s" % "value", "tuple %s" % ((1, 2),))
print("%*d|%-*d|" % (5, 1, 4, 2))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError:", e)


class R:
    def __repr__(self):
        return "R!"


print("%s %r" % (R(), R()))
print(b"%s-%d" % (b"x", 3))

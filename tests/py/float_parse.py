# float() from strings and numbers
for s in ["1.5", "  -2.25  ", "1e10", "1E-3", "+.5", "5.", "inf", "-Infinity", "nan", "NaN", "1_000.5", "0x10" if False else "10",
          "1.7976931348623157e308", "1e400", "-1e400", "4.9e-324", "1e-400", "\t3\n", "١٢٣"]:
    print(repr(s), float(s))
print(float(3), float(-2**70), float(True), float(), float(1.5))
for s in ["", "abc", "1.2.3", "1e", "--1", "1_", "_1", "1__0", "0x10", "in f", "1 2"]:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: float([]), lambda: float(None), lambda: float(10**400), lambda: float(b"1.5x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(float(b"2.5"))
class F:
    def __float__(self):
        return 2.75
print(float(F()))

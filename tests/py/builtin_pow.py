print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-2, 3), pow(2, 0.5), pow(0, 0), pow(10, 20), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7))
print(pow(base=2, exp=5), pow(2, 5, mod=3), pow(5, 0, 1), pow(2**100, 2**10, 97), pow(7, 3, -5), pow(True, 5))
class P:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
    def __rpow__(self, other):
        return ("rpow", other)
print(pow(P(), 2), P() ** 3, 2 ** P())
for bad in [lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: pow("a", 2), lambda: pow(0, -1), lambda: pow(0.0, -1),
            lambda: pow(2), lambda: pow(1, 2, 3, 4)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

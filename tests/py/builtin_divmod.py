for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2**70, 3), (7.5, 2), (-7.5, 2), (7, 0.5), (True, 2)]:
    print(a, b, divmod(a, b))
class N:
    def __divmod__(self, other):
        return ("dm", other)
    def __rdivmod__(self, other):
        return ("rdm", other)
print(divmod(N(), 3), divmod(3, N()))
for bad in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod("a", 1), lambda: divmod(1), lambda: divmod(2**80, 0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

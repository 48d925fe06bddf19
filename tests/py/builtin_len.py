print(len("abc"), len("é😀"), len([1, 2]), len(()), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"ab"), len(bytearray(3)), len({}.keys()))
class L:
    def __len__(self):
        return 7
print(len(L()), len(frozenset([1])), len(range(0, 10, 3)), len(range(10, 0)))
class Neg:
    def __len__(self):
        return -1
class NotInt:
    def __len__(self):
        return "x"
for bad in [lambda: len(5), lambda: len(None), lambda: len(Neg()), lambda: len(NotInt()), lambda: len(), lambda: len([], []), lambda: len(iter([]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

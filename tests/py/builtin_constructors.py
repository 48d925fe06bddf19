# the container constructors and their keyword forms
print(list(), list([1]), list(x for x in "ab"), tuple(), tuple([1]), set(), set([1]), frozenset(), dict(), dict(a=1))
print(str(), str(1), str(object="x"), int(), int("5"), int("101", base=2), float(), float("1.5"), bool(), bool([1]))
print(bytes(), bytes([1]), bytearray(b"a"), complex if False else None, range(3), slice(3), type(1))
print(dict([("a", 1)], b=2), dict({"a": 1}.items()), dict(**{"x": 1}), dict(dict(a=1)))
class L(list): pass
class T(tuple): pass
class D(dict): pass
class S(set): pass
print(L([1, 2]), T((1,)), D(a=1), S([3]), type(L()).__name__, len(L("abc")), T("ab") + (1,), isinstance(D(), dict))
for bad in [lambda: list(1), lambda: list([], []), lambda: tuple(1, 2), lambda: set(1), lambda: dict(1, 2), lambda: list(a=1), lambda: str(1, 2, 3, 4),
            lambda: int(x=1), lambda: set([], []), lambda: frozenset(1), lambda: tuple(a=1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

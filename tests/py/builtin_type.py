print(type(1), type("s"), type(1.5), type([]), type(()), type({}), type(set()), type(None), type(type), type(len), type(print))
print(type(1).__name__, type(range(1)).__name__, type(b"").__name__, type(True).__name__, type(...).__name__, type(NotImplemented).__name__)
print(type(int) is type, type(1) is int, type(1) == int, int.__name__, str.__qualname__, type.__name__, object.__name__)
X = type("X", (), {"a": 1, "f": lambda self: 2})
x = X()
print(X.__name__, x.a, x.f(), type(x) is X, isinstance(x, X), X.__bases__ == (object,))
Y = type("Y", (X,), {})
print(Y().a, issubclass(Y, X), Y.__mro__ == (Y, X, object), int.__mro__, bool.__mro__)
print(int.__bases__, bool.__base__, object.__bases__, type(x).__name__)
for bad in [lambda: type(), lambda: type(1, 2), lambda: type(1, 2, 3, 4)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

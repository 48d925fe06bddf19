class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, int), isinstance(True, int), isinstance(1, (str, int)), isinstance(1, (str, (float, int))))
print(isinstance("s", object), isinstance(None, type(None)), isinstance(int, type), isinstance(1.0, (int,)), isinstance([], ()))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, int), issubclass(int, object), issubclass(B, (str, A)), issubclass(A, A))
print(issubclass(KeyError, LookupError), issubclass(type, object), isinstance(ValueError("x"), Exception), issubclass(ZeroDivisionError, ArithmeticError))
print(isinstance(range(1), range), isinstance({}.keys(), type({}.keys())), isinstance(b"", bytes), isinstance(bytearray(), bytes))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, (int, 1)) if False else isinstance(1, (str, 1)),
            lambda: isinstance(1), lambda: issubclass(int, (int, "x")) if False else issubclass(A, [A])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

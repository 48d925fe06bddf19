def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 / n


for n in (2, 0):
    try:
        print(risky(n))
    except ValueError as e:
        print("ValueError:", e)
    finally:
        print("finally", n)
try:
    [][1]
except IndexError as e:
    print(type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("lookup", repr(e))
try:
    int("abc")
except (TypeError, ValueError) as e:
    print("caught", e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(e, isinstance(e, Exception), isinstance(e, BaseException))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, IndexError))

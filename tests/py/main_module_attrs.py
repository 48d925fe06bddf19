"""Module docstring."""
import sys
print(__name__, __doc__)
print(type(sys.modules["__main__"]).__name__)
main = sys.modules["__main__"]
value = 41
print(main.value + 1, hasattr(main, "value"))


def f():
    return __name__


print(f(), f.__module__)


class K:
    pass


print(K.__module__, K().__class__.__module__)

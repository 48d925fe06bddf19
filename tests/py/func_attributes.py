def documented(a, b=1, *args, c, **kw):
    """Docstring here."""
    local = 1
    return local


print(documented.__name__, documented.__qualname__, documented.__doc__)
print(documented.__defaults__, documented.__kwdefaults__, documented.__module__)
print(type(documented).__name__)


class C:
    def method(self):
        pass

    class D:
        def deep(self):
            def inner():
                pass
            return inner


print(C.method.__qualname__, C.D.deep.__qualname__, C.D().deep().__qualname__)
print(C().method.__name__, type(C().method).__name__)
documented.__name__ = "renamed"
print(documented.__name__)

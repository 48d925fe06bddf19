def logged(method):
    def wrapper(self, *args, **kwargs):
        print(f"{type(self).__name__}.{method.__name__}{args}")
        return method(self, *args, **kwargs)
    wrapper.__name__ = method.__name__
    return wrapper


def cached_property(fn):
    attr = "_cached_" + fn.__name__

    @property
    def getter(self):
        if not hasattr(self, attr):
            print("computing", fn.__name__)
            setattr(self, attr, fn(self))
        return getattr(self, attr)
    return getter


class Calculator:
    def __init__(self, base):
        self.base = base

    @logged
    def add(self, x):
        return self.base + x

    @staticmethod
    @logged
    def static_style(self, y):
        return y

    @cached_property
    def squared(self):
        return self.base ** 2

    @classmethod
    def create(cls, base):
        return cls(base)


c = Calculator.create(3)
print(c.add(4), c.add.__name__)
print(c.squared, c.squared)
print(Calculator.static_style(c, 9))

class Singleton:
    _instance = None

    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, v):
        print("__init__", v)
        self.v = v


a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(NotMine())


class Tracked:
    count = 0

    def __new__(cls, *a, **k):
        cls.count += 1
        return object.__new__(cls)

    def __init__(self, name, tag=None):
        self.name = name
        self.tag = tag


t = Tracked("x", tag="y")
print(t.name, t.tag, Tracked.count)

class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    @classmethod
    def created(cls):
        return cls.count

    @classmethod
    def build(cls, n):
        return [cls() for _ in range(n)]

    @staticmethod
    def add(a, b):
        return a + b


class SubCounter(Counter):
    pass


Counter.build(2)
print(Counter.created(), Counter().created())
print(Counter.add(2, 3), Counter().add(4, 5))
objs = SubCounter.build(3)
print(type(objs[0]).__name__, SubCounter.created(), Counter.count)
print(type(Counter.__dict__["add"]).__name__, type(Counter.__dict__["created"]).__name__)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)


class Dyn:
    length = sm
    name = cm


print(Dyn.length("abc"), Dyn().name(), Dyn.name())
f = Counter.created
print(f.__self__ is Counter, f.__func__.__name__)
print(Counter.__dict__["add"].__func__(1, 1))

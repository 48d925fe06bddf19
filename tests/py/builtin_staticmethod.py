class C:
    count = 0
    @staticmethod
    def s(a, b=2):
        return a + b
    @classmethod
    def c(cls, v):
        return (cls.__name__, v)
    @classmethod
    def make(cls):
        return cls()
class D(C):
    pass
print(C.s(1), C().s(1, 5), C.c(3), D.c(4), D().c(5), type(D.make()).__name__)
print(type(C.__dict__["s"]).__name__, type(C.__dict__["c"]).__name__, callable(C.s))
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class E:
    f = sm
    g = cm
print(E.f("abc"), E().g(), E.g())
print(isinstance(C.__dict__["s"], staticmethod), C.__dict__["s"].__func__(1, 1))

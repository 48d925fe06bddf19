class A:
    def f(self):
        return "A.f"

    @classmethod
    def c(cls):
        return "A.c " + cls.__name__


class B(A):
    def f(self):
        return "B.f"

    @classmethod
    def c(cls):
        return "B.c " + cls.__name__


class C(B):
    def f(self):
        return "C.f"


obj = C()
print(super(C, obj).f())
print(super(B, obj).f())
print(super(C, C).c())
print(super(B, C).c())
s = super(C, obj)
print(type(s).__name__)
print(super(C, obj).f.__name__)


def free_function(self):
    return "free:" + super(C, self).f()


print(free_function(obj))
try:
    super(int, obj)
except TypeError as e:
    print("TypeError:", e)

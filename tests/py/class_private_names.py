class A:
    __count = 0
    def __init__(self):
        self.__x = 1
        A.__count += 1
    def get(self):
        return self.__x, self.__count
    def __hidden(self):
        return "hidden"
    def call_hidden(self):
        return self.__hidden()
class B(A):
    def __init__(self):
        super().__init__()
        self.__x = 2
    def both(self):
        return self.__x, self._A__x
b = B()
print(sorted(vars(b)), b.get(), b.both(), b.call_hidden(), A._A__count)
print(hasattr(b, "__x"), b._B__x, [n for n in dir(A) if "hidden" in n])
class __Private:
    def m(self, __arg=5):
        __local = __arg
        return __local
print(__Private().m(), __Private.m.__name__)
def f():
    class C:
        def g(self):
            return [self.__z for _ in range(1)] if hasattr(self, "_C__z") else (lambda: self.__z)
    c = C()
    c._C__z = 9
    return c.g()
print(f())

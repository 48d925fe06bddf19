class A:
    def hello(self):
        return "A.hello"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
class B(A):
    def hello(self):
        return "B+" + super().hello()
    @classmethod
    def cm(cls):
        return "B+" + super().cm()
class C(A):
    def hello(self):
        return "C+" + super().hello()
class D(B, C):
    def hello(self):
        return "D+" + super().hello()
print(D().hello(), B().hello(), D.cm(), super(B, D()).hello(), super(C, D()).hello())
print([k.__name__ for k in D.__mro__])
class E(list):
    def append(self, v):
        super().append(v * 10)
e = E(); e.append(1); e.append(2); print(e, len(e))
class F(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
f = F(); f["a"] = 1; print(f)
try:
    super(int, "s")
except TypeError as e:
    print("TypeError", e)

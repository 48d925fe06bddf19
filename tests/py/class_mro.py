class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print([k.__name__ for k in D.__mro__])
print(D().who())


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass


print([k.__name__ for k in M.__mro__])
print(M.mro() == list(M.__mro__))


class O1:
    attr = "O1"


class O2(O1):
    pass


class O3(O1):
    attr = "O3"


class O4(O2, O3):
    pass


print(O4.attr, O4().attr)

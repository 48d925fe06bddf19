class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(A, A): pass
except TypeError as e:
    print("TypeError:", e)
class X: pass
class Y(X): pass
class Z(X, Y): pass

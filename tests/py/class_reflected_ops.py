class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Num({self.v})"

    def __add__(self, o):
        print("Num.__add__")
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        print("Num.__radd__")
        return Num(o + self.v)

    def __rsub__(self, o):
        return Num(o - self.v)

    def __rtruediv__(self, o):
        return Num(o / self.v)

    def __rpow__(self, o):
        return Num(o ** self.v)

    def __rmod__(self, o):
        return Num(o % self.v)

    def __rfloordiv__(self, o):
        return Num(o // self.v)

    def __rlshift__(self, o):
        return Num(o << self.v)

    def __ror__(self, o):
        return Num(o | self.v)

    def __rand__(self, o):
        return Num(o & self.v)

    def __rxor__(self, o):
        return Num(o ^ self.v)

    def __rrshift__(self, o):
        return Num(o >> self.v)

    def __rmatmul__(self, o):
        return "rmatmul"


class Sub(Num):
    def __radd__(self, o):
        print("Sub.__radd__")
        return Sub(o.v * 100 + self.v)


n = Num(2)
print(1 + n, 10 - n, 1 / n, 3 ** n, 7 % n, 7 // n, 1 << n, 4 | n, 6 & n, 7 ^ n, 16 >> n, [1] @ n)
print(Num(1) + Sub(2))
print(Num(1) + Num(2))
print(Sub(3) + Num(4))


class Left:
    def __add__(self, o):
        return NotImplemented


class Right:
    def __radd__(self, o):
        return "Right.__radd__"


print(Left() + Right())
try:
    Right() + Left()
except TypeError as e:
    print("TypeError:", e)

class Vec:
    def __init__(self, *c):
        self.c = list(c)

    def __repr__(self):
        return "Vec(" + ", ".join(str(x) for x in self.c) + ")"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.c, other.c)])
        if isinstance(other, (int, float)):
            return Vec(*[a + other for a in self.c])
        return NotImplemented

    def __radd__(self, other):
        print("radd", other)
        return self + other

    def __sub__(self, other):
        return Vec(*[a - b for a, b in zip(self.c, other.c)])

    def __mul__(self, k):
        return Vec(*[a * k for a in self.c])

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vec(*[a / k for a in self.c])

    def __floordiv__(self, k):
        return Vec(*[a // k for a in self.c])

    def __mod__(self, k):
        return Vec(*[a % k for a in self.c])

    def __pow__(self, k):
        return Vec(*[a ** k for a in self.c])

    def __neg__(self):
        return Vec(*[-a for a in self.c])

    def __pos__(self):
        return self

    def __abs__(self):
        return sum(a * a for a in self.c)

    def __invert__(self):
        return Vec(*reversed(self.c))

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.c, other.c))

    def __and__(self, o):
        return "and"

    def __or__(self, o):
        return "or"

    def __xor__(self, o):
        return "xor"

    def __lshift__(self, o):
        return "lshift"

    def __rshift__(self, o):
        return "rshift"


a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a / 2, b // 2, b % 3, a ** 2)
print(-a, +a, abs(b), ~a, a @ b)
print(a & b, a | b, a ^ b, a << 1, a >> 1)
print(a + 1, 10 + a)
print(sum([a, b], Vec(0, 0)))
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + a
except TypeError as e:
    print("TypeError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)

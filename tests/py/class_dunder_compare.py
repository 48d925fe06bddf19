class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts

    def __hash__(self):
        return hash(self.parts)


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != c, a == b, a != b, a is c)
print(a < b, a <= c, b > a, b >= a, a > b)
print(sorted([b, a, Version(0, 9)]), max(a, b), min([b, a]))
print(a == 1, a != "x")


class OnlyLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v


x, y = OnlyLt(1), OnlyLt(2)
print(y > x)
print(x < y)
try:
    x <= y
except TypeError as e:
    print("TypeError:", e)


class Weird:
    def __eq__(self, other):
        return "yes"


print(Weird() == 1, Weird() != 1)
print(1 == Weird())


class NeOnly:
    def __ne__(self, other):
        return "custom ne"


print(NeOnly() != 3, NeOnly() == NeOnly())

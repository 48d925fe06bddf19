class Plain:
    pass


a, b = Plain(), Plain()
print(a == a, a == b, a != b, a is a, a != a)
print(len({a, b, a}), {a: 1}[a])
print(hash(a) == hash(a), a in [b, a], a in [b])


class Base:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k

    def __hash__(self):
        return hash(self.k)


class SameHash(Base):
    pass


class OnlyEq(Base):
    def __eq__(self, other):
        return super().__eq__(other)


print(len({SameHash(1), SameHash(1)}), SameHash.__hash__ is Base.__hash__)
print(OnlyEq.__hash__)
try:
    hash(OnlyEq(1))
except TypeError as e:
    print("TypeError:", e)


class ExplicitHash(Base):
    def __eq__(self, other):
        return False

    __hash__ = Base.__hash__


print(hash(ExplicitHash(5)) == hash(5))

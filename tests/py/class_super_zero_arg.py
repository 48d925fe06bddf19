class Base:
    def __init__(self, v):
        self.v = v
        print("Base.__init__", v)

    def describe(self):
        return f"Base({self.v})"

    @classmethod
    def make(cls, v):
        print("Base.make", cls.__name__)
        return cls(v)

    @staticmethod
    def helper(x):
        return x * 2


class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
        print("Child.__init__", w)

    def describe(self):
        return "Child+" + super().describe()

    @classmethod
    def make(cls, v):
        print("Child.make", cls.__name__)
        return super().make(v)

    def uses_helper(self):
        return super().helper(21)


class GrandChild(Child):
    def __init__(self):
        super().__init__(1, 2)

    def make(cls, v):
        return "not used"


c = Child(5, 6)
print(c.describe())
print(c.uses_helper())
g = GrandChild()
print(g.describe(), g.v, g.w)


class Plain(Base):
    @classmethod
    def make(cls, v):
        return super().make(v * 10)


p = Plain.make(4)
print(type(p).__name__, p.v)


def outer_with_super():
    class Inner(Base):
        def describe(self):
            f = lambda: super(Inner, self).describe()
            return "Inner:" + f()
    return Inner(9).describe()


print(outer_with_super())


class UsesClassCell:
    def get_class(self):
        return __class__


print(UsesClassCell().get_class() is UsesClassCell)

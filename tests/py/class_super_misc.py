class Base:
    def __init__(self):
        self.log = []

    def __repr__(self):
        return "Base"

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)

    @property
    def kind(self):
        return "base kind"

    def __eq__(self, other):
        return type(self) is type(other)

    __hash__ = object.__hash__


class Child(Base):
    def __repr__(self):
        return "Child<" + super().__repr__() + ">"

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)

    @property
    def kind(self):
        return "child of " + super().kind

    def __eq__(self, other):
        return super().__eq__(other) and True


c = Child()
c.a = 1
c.b = 2
print(repr(c), c.log, c.kind, c == Child(), c == Base())
print(super(Child, c).__repr__(), super(Child, Child).kind.fget(c))


class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


print(Square(3).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)


def make():
    class Local(Base):
        def __repr__(self):
            return "Local+" + super().__repr__()
    return Local()


print(make())


class Gen(Base):
    def items(self):
        yield super().__repr__()
        yield from (super().__repr__() + str(i) for i in range(2))


try:
    print(list(Gen().items()))
except RuntimeError as e:
    print("RuntimeError:", e)

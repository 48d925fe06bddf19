log = []


class Base:
    def __init__(self, **kw):
        log.append("Base")
        self.extra = kw


class Left(Base):
    def __init__(self, left=0, **kw):
        log.append("Left")
        self.left = left
        super().__init__(**kw)


class Right(Base):
    def __init__(self, right=0, **kw):
        log.append("Right")
        self.right = right
        super().__init__(**kw)


class Bottom(Left, Right):
    def __init__(self, **kw):
        log.append("Bottom")
        super().__init__(**kw)


b = Bottom(left=1, right=2, other=3)
print(log)
print(b.left, b.right, b.extra)
print([k.__name__ for k in Bottom.__mro__])


class Mixin:
    def hello(self):
        return "mixin+" + super().hello()


class Root:
    def hello(self):
        return "root"


class Both(Mixin, Root):
    pass


print(Both().hello())

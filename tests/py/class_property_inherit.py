class Base:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value


class Clamped(Base):
    @Base.v.setter
    def v(self, value):
        Base.v.fset(self, max(0, min(10, value)))


class ReadOnly(Base):
    @property
    def v(self):
        return super().v * 100


c = Clamped()
c.v = 50
print(c.v)
c.v = -3
print(c.v)
r = ReadOnly()
print(r.v)
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError:", e)
print(type(Clamped.v).__name__, Clamped.v.fget is Base.v.fget, Clamped.v.fset is Base.v.fset)

class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @x.deleter
    def x(self):
        print("deleting")
        self._x = None
    def get_y(self):
        return "y"
    y = property(get_y)
c = C()
c.x = 5
print(c.x, c.y, type(C.x).__name__, C.x.fget is not None, C.y.fset, C.x.__doc__)
del c.x
print(c.x)
for bad in [lambda: setattr(c, "y", 1), lambda: delattr(c, "y")]:
    try:
        print(bad())
    except AttributeError as e:
        print("AttributeError", e)
p = property(lambda self: 42)
class D:
    z = p
print(D().z, D.z is p)

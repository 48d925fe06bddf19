class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1)
print(q.x, q.y)
print(Point.__name__, Point.__qualname__, Point.__doc__)
print(type(p) is Point, type(p).__name__)
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims, q.dims)
print(Point.norm2(q))
m = p.norm2
print(m())
print(m.__self__ is p, m.__func__ is Point.norm2)
print(isinstance(p, Point), isinstance(p, object), isinstance(3, Point))


class Empty:
    pass


e = Empty()
e.a = 1
e.b = [1, 2]
print(e.a, e.b, sorted(e.__dict__))
print(Empty.__name__, Empty.__doc__)

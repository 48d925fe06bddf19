o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), hash(o) == hash(o), str(o)[:17])
for bad in [lambda: setattr(o, "x", 1), lambda: o.x, lambda: object(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class C:
    pass
c = C()
print(c == c, c != c, object.__eq__(c, c), object.__eq__(c, 1), object.__ne__(c, c), c.__class__ is C, C.__name__)
print(object.__str__(5) if False else str(object.__repr__(c)).startswith("<__main__.C object at"))
x, y = object(), object()
print(x is y, id(x) == id(x), id(x) != id(y), id(1) == id(1))

class C:
    x = 1
    def __init__(self):
        self.y = 2
c = C()
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", "dflt"), hasattr(c, "x"), hasattr(c, "z"), getattr(C, "x"))
setattr(c, "z", 3); print(c.z, getattr(c, "z"))
delattr(c, "z"); print(hasattr(c, "z"))
print(getattr(5, "real"), getattr("s", "upper")(), hasattr([], "append"), hasattr(None, "x"), getattr(str, "join") is str.join)
class G:
    def __getattr__(self, name):
        if name == "boom":
            raise ValueError("boom")
        return name.upper()
g = G()
print(g.anything, getattr(g, "other"), hasattr(g, "q"))
try:
    hasattr(g, "boom")
except ValueError as e:
    print("ValueError", e)
for bad in [lambda: getattr(c, "nope"), lambda: getattr(c, 5), lambda: setattr(c, 1, 2), lambda: getattr(c), lambda: setattr(5, "x", 1),
            lambda: delattr(c, "nope"), lambda: hasattr(c, None), lambda: setattr("s", "upper", 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

class Dynamic:
    real = "real attribute"

    def __init__(self):
        self.own = "own"

    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(f"no {name}")


d = Dynamic()
print(d.real, d.own, d.x_hello)
print(getattr(d, "x_abc"), getattr(d, "missing", "dflt"), hasattr(d, "missing"), hasattr(d, "x_y"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)


class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append((name, value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)


r = Recorder()
r.a = 1
r.b = 2
del r.a
print(r.log, r.b, hasattr(r, "a"))
setattr(r, "c", 3)
print(r.c, r.log[-1])


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(d, 5)
except TypeError as e:
    print("TypeError:", e)

class Builder:
    def __init__(self, parts=()):
        self.parts = list(parts)

    def __call__(self, part):
        return Builder(self.parts + [part])

    def __getattr__(self, name):
        return self(name)

    def __str__(self):
        return ".".join(self.parts)


b = Builder()
print(b("a")("b")("c"), b.x.y.z, b("start").middle("end"))


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self


c = Counter()
c()()()
print(c.n)
funcs = [Counter(), len, lambda x: x, print, Builder, str.upper]
print([callable(f) for f in funcs])

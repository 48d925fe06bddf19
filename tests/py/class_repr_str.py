class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"V({self.x!r}, {self.y!r})"


class W(V):
    def __str__(self):
        return f"<{self.x}, {self.y}>"


v = V(1, "a")
w = W(2, "b")
print(v, repr(v), str(v))
print(w, repr(w), str(w))
print([v, w], (w,), {"k": w})
print(f"{v} {w} {w!r} {v!s}")
print("%s and %r" % (w, w))
print("{} {!r}".format(w, w))


class NoRepr:
    pass


r = repr(NoRepr())
print(r.startswith("<__main__.NoRepr object at 0x"), r.endswith(">"))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)


class StrOnly:
    def __str__(self):
        return "str-only"


print(str(StrOnly()), repr(StrOnly()).startswith("<__main__.StrOnly"))

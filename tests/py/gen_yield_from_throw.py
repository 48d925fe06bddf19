def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "inner recovered"
    finally:
        print("inner finally")


def outer():
    try:
        r = yield from inner()
        print("inner returned", r)
    except KeyError as e:
        print("outer caught", repr(e))
        yield "outer recovered"


g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(g.throw(KeyError("k")))
print(next(g, "end"))
g2 = outer()
next(g2)
g2.close()
print("closed g2")


class It:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i


def over_iter():
    yield from It()


g3 = over_iter()
print(next(g3))
try:
    g3.throw(TypeError("to plain iterator"))
except TypeError as e:
    print("TypeError:", e)
g4 = over_iter()
next(g4)
try:
    g4.send(5)
except AttributeError as e:
    print("AttributeError:", e)

def squares(n):
    for i in range(n):
        yield i * i


g = squares(3)
print(list(zip(g, "abc")))
print(list(enumerate(squares(3), 1)))
print(list(map(str, squares(4))))
print(sorted(squares(4), reverse=True))
print(dict.fromkeys(squares(3)))
print(tuple(reversed(list(squares(3)))))
print(min(squares(5)), max(squares(5)))
print("-".join(str(x) for x in squares(3)))


def gen_with_default(a, b=2, *rest, key=None):
    yield a
    yield b
    yield rest
    yield key


print(list(gen_with_default(1, key="k")))
print(list(gen_with_default(1, 3, 4, 5)))


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t))


def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1


c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
gen = (x for x in range(3))
print(gen.send(None), next(gen))
lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError:
    print("error happens lazily")
print(next(lazy, "finished after error"))

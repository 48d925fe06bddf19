def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"


def outer():
    result = yield from inner()
    print("outer got", result)
    yield from [10, 20]
    yield from range(2)
    r2 = yield from iter("ab")
    print("iter result", r2)
    return "outer done"


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(list(g))


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], (3,), "xy", {4: 0})))


def tree(n):
    if n == 0:
        yield "leaf"
        return 1
    left = yield from tree(n - 1)
    right = yield from tree(n - 1)
    return left + right


t = tree(3)
leaves = []
try:
    while True:
        leaves.append(next(t))
except StopIteration as e:
    print(len(leaves), e.value)


def delegator():
    total = yield from summer()
    yield total


def summer():
    s = 0
    while True:
        v = yield
        if v is None:
            return s
        s += v


d = delegator()
next(d)
d.send(1)
d.send(2)
print(d.send(None))


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


print(list(deep(200)))

def count(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")


g = count(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(count(2)), sum(count(5)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)


def pairs(items):
    for i, x in enumerate(items):
        for y in items[i + 1:]:
            yield x, y


print(list(pairs("abc")))


def with_return():
    yield 1
    return "result"


g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)


def empty():
    return
    yield


print(list(empty()))
g = count(1)
print(iter(g) is g)


def bare_yield():
    x = yield
    print("got", x)
    yield


b = bare_yield()
print(next(b))
print(b.send("hello"))

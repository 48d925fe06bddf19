def echo():
    received = yield "ready"
    while received != "stop":
        received = yield f"got {received}"
    return "stopped"


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("stop")
except StopIteration as s:
    print(s.value)


def args_from_yield():
    print("sum", (yield 1) + (yield 2))


g = args_from_yield()
print(next(g), g.send(10))
try:
    g.send(20)
except StopIteration:
    print("finished")


def yield_as_arg():
    x = [(yield "a"), (yield "b")]
    yield x


y = yield_as_arg()
print(next(y), y.send(1), y.send(2))


def ternary():
    v = yield
    yield "even" if v % 2 == 0 else "odd"


t = ternary()
next(t)
print(t.send(4))

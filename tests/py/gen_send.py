def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo finally", received)


e = echo()
print(e.send(None), e.send("a"), e.send("b"))
e.close()
g = accumulator()
try:
    g.send(1)
except TypeError as err:
    print("TypeError:", err)


def running():
    yield me.send(None)


me = running()
try:
    next(me)
except ValueError as err:
    print("ValueError:", err)


def coroutine_avg():
    count = 0
    total = 0.0
    avg = None
    while True:
        v = yield avg
        count += 1
        total += v
        avg = total / count


c = coroutine_avg()
next(c)
for v in [10, 20, 60]:
    print(c.send(v))

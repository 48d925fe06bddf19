def nested(n):
    yield next(nested(n + 1))


try:
    next(nested(0))
except RecursionError:
    print("RecursionError via next()")


def deep_yield_from(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep_yield_from(n - 1)


print(list(deep_yield_from(500)))
try:
    list(deep_yield_from(5000))
except RecursionError:
    print("RecursionError via yield from")


def chain(n):
    if n:
        yield from chain(n - 1)
    else:
        try:
            yield 1
        finally:
            print("innermost finally")


g = chain(300)
next(g)
g.close()
g2 = chain(300)
next(g2)
try:
    g2.throw(KeyError("deep"))
except KeyError as e:
    print("thrown through 300 levels:", e)

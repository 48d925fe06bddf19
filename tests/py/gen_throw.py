def resilient():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            print("handled", e)
            yield "recovered"


g = resilient()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
print(g.throw(ValueError, ValueError("two")))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "finished"))


def fresh():
    print("never runs")
    yield 1


f = fresh()
try:
    f.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(f, "done"))


def finally_on_throw():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


h = finally_on_throw()
next(h)
try:
    h.throw(IndexError)
except IndexError:
    print("IndexError out")


def returns_on_throw():
    try:
        yield 1
    except ZeroDivisionError:
        return "returned"


r = returns_on_throw()
next(r)
try:
    r.throw(ZeroDivisionError)
except StopIteration as e:
    print("StopIteration", e.value)

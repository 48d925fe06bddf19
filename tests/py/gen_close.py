def worker():
    try:
        print("started")
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("finally runs")


w = worker()
next(w)
w.close()
print("closed")
w.close()
print(next(w, "exhausted"))
n = worker()
n.close()
print("closed unstarted")


def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"


i = ignores()
next(i)
try:
    i.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def returns_in_exit():
    try:
        yield 1
    except GeneratorExit:
        print("returning")
        return "x"


r = returns_in_exit()
next(r)
print(r.close())


def nested_finally():
    try:
        try:
            yield "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


nf = nested_finally()
next(nf)
nf.close()


def with_manager():
    class M:
        def __enter__(self):
            print("enter")

        def __exit__(self, *a):
            print("exit", a[0].__name__)
    with M():
        yield 1


wm = with_manager()
next(wm)
wm.close()


def raises_other():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


ro = raises_other()
next(ro)
try:
    ro.close()
except KeyError as e:
    print("KeyError", e)

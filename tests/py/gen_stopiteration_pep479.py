def leaky():
    yield 1
    raise StopIteration("inside")


try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)


def next_on_empty():
    it = iter([])
    yield next(it)


try:
    for v in next_on_empty():
        print(v)
except RuntimeError as e:
    print("RuntimeError:", e)


def guarded():
    it = iter([1])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return


print(list(guarded()))
print(list(leaky()))

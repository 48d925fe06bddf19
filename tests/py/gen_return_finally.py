def g():
    try:
        yield 1
        return "done"
    finally:
        print("finally before StopIteration")


it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value", e.value)


def override():
    try:
        yield 1
        return "from try"
    finally:
        return "from finally"


it = override()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)


def yield_in_finally():
    try:
        yield "body"
    finally:
        yield "cleanup"


print(list(yield_in_finally()))


def returns_list():
    yield
    return [1, 2]


def delegate():
    result = yield from returns_list()
    yield result


print(list(delegate()))

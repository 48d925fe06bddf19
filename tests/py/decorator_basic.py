def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", result)
        return result
    return wrapper


@trace
def add(a, b=0):
    return a + b


add(1, 2)
add(5, b=6)
print(add.__name__)


def shout(fn):
    return lambda *a: fn(*a).upper() + "!"


def exclaim(fn):
    return lambda *a: fn(*a) + "?"


@shout
@exclaim
def greet(name):
    return "hi " + name


print(greet("bob"))
order = []


def mark(tag):
    order.append("make " + tag)

    def deco(fn):
        order.append("apply " + tag)
        return fn
    return deco


@mark("first")
@mark("second")
def nothing():
    pass


print(order)


class Box:
    def double(fn):
        return lambda self: fn(self) * 2

    @double
    def value(self):
        return 21


print(Box().value())


def count_calls(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper


@count_calls
def f(x):
    return x


f(1)
f(2)
print(f.calls)
deco_table = {"d": trace}


@deco_table["d"]
def sub(a, b):
    return a - b


sub(3, 1)

def make_adder(n):
    def add(x):
        return x + n
    return add


add3 = make_adder(3)
add10 = make_adder(10)
print(add3(1), add10(1), add3.__name__, add3.__qualname__)


def outer():
    a = 1

    def middle():
        b = 2

        def inner():
            return a + b
        return inner
    return middle()


print(outer()())


def late_binding():
    fs = [lambda: i for i in range(3)]
    gs = [lambda i=i: i for i in range(3)]
    return [f() for f in fs], [g() for g in gs]


print(late_binding())


def shared():
    x = 0

    def get():
        return x

    def setx(v):
        nonlocal x
        x = v
    return get, setx


get, setx = shared()
setx(42)
print(get())


def param_cell(p):
    def show():
        return p
    p = p * 2
    return show


print(param_cell(4)())


def closure_over_loop():
    result = []
    for i in range(3):
        def f():
            return i
        result.append(f)
    return [f() for f in result]


print(closure_over_loop())
c = make_adder(1).__closure__
print(type(c).__name__, len(c), c[0].cell_contents)
print(make_adder.__closure__)

def counter():
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc


c1 = counter()
c2 = counter()
print(c1(), c1(), c1(5), c2())


def nested_nonlocal():
    x = "outer"

    def level1():
        def level2():
            nonlocal x
            x = "changed by level2"
        level2()
        return x
    r = level1()
    return r, x


print(nested_nonlocal())


def accumulate():
    total = []
    n = 0

    def add(v):
        nonlocal n
        total.append(v)
        n += 1
        return n, total
    return add


a = accumulate()
a(1)
print(a(2))


def shadow():
    x = 1

    def inner():
        x = 2
        return x
    inner()
    return x


print(shadow())


def swap_pair():
    a, b = 1, 2

    def do():
        nonlocal a, b
        a, b = b, a
    do()
    return a, b


print(swap_pair())


def nonlocal_del():
    v = 1

    def d():
        nonlocal v
        del v
    d()
    try:
        return v
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


print(nonlocal_del())


def free_unbound():
    def inner():
        return val
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    val = 1
    return inner()


print(free_unbound())

x = "global"


def outer():
    x = "enclosing"

    def inner():
        return x
    return inner()


def reads_global():
    return x


def class_scope():
    y = "function local"

    class C:
        y = "class attr"
        z = y

        def method(self):
            return y
    return C.z, C().method()


print(outer(), reads_global(), class_scope())


def counter_gen():
    count = 0

    def incr():
        nonlocal count
        count += 1
        return count

    def gen():
        while True:
            yield incr()
    return gen()


g = counter_gen()
print(next(g), next(g), next(g))


def closures_share_cell():
    fns = []
    for name in ["a", "b"]:
        fns.append(lambda: name)
    name = "changed"
    return [f() for f in fns]


print(closures_share_cell())


def lambda_default_capture():
    return [(lambda v=v: v)() for v in range(3)]


print(lambda_default_capture())


def make_accumulators():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total

    def get():
        return total
    return add, get


add, get = make_accumulators()
add(5)
add(7)
print(get())


def deep():
    a = 1

    def l1():
        b = 2

        def l2():
            c = 3

            def l3():
                nonlocal a
                a += 100
                return a + b + c
            return l3
        return l2
    f = l1()()
    return f(), a


print(deep())
print(reads_global.__closure__)

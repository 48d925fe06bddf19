i = 99
squares = [i * i for i in range(4)]
print(i, squares)


def f():
    y = 3
    return [y * k for k in range(3)], {y + k for k in range(2)}, {k: y for k in "a"}


print(f())


class C:
    factor = 10
    values = [1, 2]
    first = [v for v in values]
    try:
        scaled = [v * factor for v in values]
    except NameError as e:
        error = str(e)


print(C.first, C.error)


def closure_in_comp():
    fns = [lambda: n for n in range(3)]
    return [fn() for fn in fns]


print(closure_in_comp())


def gen_scope():
    base = 5
    return list(base + j for j in range(2))


print(gen_scope())
print([[j for j in range(i)] for i in range(3)])
try:
    print([undefined_thing for _ in range(1)])
except NameError as e:
    print("NameError:", e)
print([x for x in range(3)] + [x for x in "ab"])

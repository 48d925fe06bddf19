def t1():
    a, b = 1, 2, 3


def t2():
    a, b, c = 1, 2


def t3():
    a, b = 1


def t4():
    a, *b, c = [1]


def t5():
    a, = []


def t6():
    (a, b), c = [1, 2], 3
    return a, b, c


def t7():
    a, b = "xyz"


def t8():
    x, y = None


def t9():
    for a, b in [(1, 2), (3,)]:
        pass


def t10():
    a, b = iter([1, 2, 3])


for t in [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10]:
    try:
        print("ok", t())
    except (ValueError, TypeError) as e:
        print(t.__name__, type(e).__name__ + ":", e)
a, b = range(3)

# tuple
t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t.count(2), t.index(2), t.index(2, 2), t + (4,), t * 2, 2 * (0,), () * 3)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple(x for x in "xy"), tuple({1: 0}))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), (2,) > (1, 5), (1, 2) != (2, 1), 2 in t, 5 not in t)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
a, *b, c = t; print(a, b, c)
print(tuple.__len__(t), t.__getitem__(0), t.__contains__(3), (1, [2]))
print(hash((1, 2, 3)), hash(()), hash((-1,)), hash((1.5, True, None)) if False else hash((1, "x")) == hash((1, "x")))
for bad in [lambda: t[4], lambda: t.index(9), lambda: hash((1, [2])), lambda: t + [1], lambda: tuple(1), lambda: t.__setitem__(0, 1),
            lambda: (1,) < ("a",), lambda: t.count()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

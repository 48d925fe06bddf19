# range: construction, len, indexing, iteration, repr
for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3), range(0, -10, -3)]:
    print(r, len(r), list(r), bool(r))
r = range(1, 20, 4)
print(r[0], r[-1], r[2], r.start, r.stop, r.step, r.index(9), r.count(9), r.count(10), 13 in r, 14 in r, -1 in r)
print(range(2**62)[-1], range(0, 2**62, 7)[3], range(2**62)[2**61], 2**61 in range(2**62), len(range(0, 2**62, 3)))
print(list(range(3)) == [0, 1, 2], sum(range(101)), max(range(7)), min(range(3, 9)), list(reversed(range(1, 10, 3))))
print(range(0), range(-5), range(3).__len__(), range(1, 2, 1), repr(range(0, 5, 1)))
print(5.0 in range(10), True in range(2), "a" in range(3) if False else None in range(3))
for bad in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(), lambda: range(1, 2, 3, 4), lambda: range(5)[5],
            lambda: range(5).index(7), lambda: range("a"), lambda: len(range(2**64)), lambda: range(3)[-4]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# iterating ranges in every direction
print(list(range(5)), list(range(5, 0, -1)), list(range(-5, 5, 3)), list(range(10, -10, -7)), list(range(0)), list(range(3, 3)))
print([i for i in range(20) if i % 7 == 0], sum(range(1, 101)), list(enumerate(range(3, 6))), list(zip(range(3), range(10, 13))))
print(list(reversed(range(0, 10, 3))), list(reversed(range(10, 0, -4))), list(reversed(range(0))), list(range(2**62, 2**62 + 3)))
r = range(1, 10, 2)
it = iter(r)
print(next(it), next(it), list(it), list(r), len(r), r[-1], r[1:3], 7 in r, 8 in r, r.index(7), r.count(3))
total = 0
for i in range(100, 0, -1):
    total += i
print(total, [x for x in range(-1, -10, -2)], max(range(-3, 3)), min(range(5, -5, -1)))

a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = [3, 4], 5
print(c, d, e)
[f, [g, h]] = (6, (7, 8))
print(f, g, h)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
(p, *q), r = "xyz", 0
print(p, q, r)
x = y = z = []
x.append(1)
print(y, z is x)
i, j = k = (1, 2)
print(i, j, k)
for n, (s, t) in enumerate([("a", "b"), ("c", "d")]):
    print(n, s, t)
for *lead, end in [(1, 2, 3), (4, 5)]:
    print(lead, end)
d = {}
d["a"], d["b"] = 1, 2
print(d)


class O:
    pass


o = O()
o.x, o.y = "xy"
print(o.x, o.y)
lst = [0, 0, 0]
lst[0], lst[2] = 9, 8
print(lst)
m, n = {"k1": 1, "k2": 2}
print(m, n)
u, v = (w for w in "uv")
print(u, v)

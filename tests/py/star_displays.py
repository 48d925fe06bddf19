a = [1, 2]
b = (3, 4)
s = {5}
d1 = {"x": 1}
d2 = {"y": 2, "x": 10}
print([*a, *b, *s], (*a, 0), {*a, *b}, [*"hi", *range(2)])
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1, "z2": 9})
print(*a, *b, sep=",")
first, *rest = [*a, *b]
print(first, rest)
print([*(x for x in "ab")], [*{1: "a", 2: "b"}])
empty = []
print([*empty], (*empty,), {**{}})
print(dict(**d1, w=1))

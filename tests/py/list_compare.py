# list equality and ordering
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, 2] <= [1, 2])
print([1, [2, 3]] == [1, [2, 3]], [1, 2.0] == [1, 2], [[1]] < [[2]])
n = float("nan"); print([n] == [n], (n,) == (n,))
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, "a"), (1, "z"), (1, "b")]))
try:
    print([1] < ["a"])
except TypeError as e:
    print("TypeError", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError", e)
r = [1]; r.append(r); print(r, r == r)

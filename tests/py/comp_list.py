print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in "ab" if x != 1])
print([[c for c in w] for w in ["ab", "cd"]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2 == 0])
x = "outer"
print([x for x in "xyz"], x)
print([i if i % 2 else -i for i in range(5)])
print([f(3) for f in [lambda v: v + 1, lambda v: v * 2]])
print([a + b for a, b in [(1, 2), (3, 4)]])
print([head for head, *_ in ["abc", "de"]])
print([len(s) for s in ("", "a", "ab")])
print([y for x in range(3) for y in range(x)])


def in_function(n):
    k = 10
    return [i * k for i in range(n)]


print(in_function(3))
print([[i * j for j in range(3)] for i in range(3)])

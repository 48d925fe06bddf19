class Node:
    def __init__(self):
        self.children = [{}, {}]
        self.meta = {"tags": []}


n = Node()
n.children[1]["key"] = "value"
n.meta["tags"].append("t")
n.meta["count"] = n.meta.get("count", 0) + 1
print(n.children, n.meta)
x = [1, 2, 3, 4]
x[0], x[3] = x[3], x[0]
print(x)
i = 0
i, x[i] = 2, "set"
print(i, x)
a = b = c = 0
a += 1
print(a, b, c)
matrix = [[0] * 3 for _ in range(3)]
for r in range(3):
    matrix[r][r] = 1
print(matrix)
d = {}
d.setdefault("list", []).append(1)
d["list"] += [2]
print(d)
(p, q), [r, s] = "ab", (1, 2)
print(p, q, r, s)
t = [0] * 2
t[:], u = [5, 6], 7
print(t, u)

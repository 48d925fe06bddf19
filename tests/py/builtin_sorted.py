print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({"b": 1, "a": 2}), sorted({3, 1}), sorted((2, 1), key=lambda x: -x))
data = [("bob", 3), ("al", 1), ("cy", 3), ("di", 2)]
print(sorted(data, key=lambda r: r[1]), sorted(data, key=lambda r: r[1], reverse=True), sorted(data, key=lambda r: (-r[1], r[0])))
print(sorted([1.5, 1, True, 0.5, -2**70]), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.casefold))
print(sorted(range(10), key=lambda x: x % 3), sorted([[3, 1], [2], [3, 0]]), sorted([], key=len))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "K%d" % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(1)], key=lambda k: k.v), sorted([K(2), K(1)], reverse=True))
for bad in [lambda: sorted([1, "a"]), lambda: sorted([1], reverse="x") if False else sorted([object(), object()]), lambda: sorted([1], key=1, reverse=True),
            lambda: sorted([1], [2]), lambda: sorted(iterable=[1])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

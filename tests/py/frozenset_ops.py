# frozensets as keys and members, mixed with sets
f = frozenset([1, 2, 3])
s = {2, 3, 4}
print(f | s, s | f, f & s, s & f, f - s, s - f, f ^ s, type(f | s).__name__, type(s | f).__name__, f == {1, 2, 3}, {1, 2, 3} == f)
groups = {frozenset({1, 2}): "a", frozenset({3}): "b"}
print(groups[frozenset([2, 1])], frozenset({1, 2}) in groups, len({frozenset(), frozenset([])}))
nested = frozenset([frozenset([1]), frozenset([1]), frozenset()])
print(len(nested), frozenset() in nested, sorted(len(x) for x in nested))
print(frozenset("ab") == frozenset("ba"), hash(frozenset("ab")) == hash(frozenset("ba")), f.union([9]), f.copy() == f, f.isdisjoint([7]))
print(frozenset(range(5)) - {0}, frozenset({3, 1, 2}), frozenset({5, 20, 100} if False else [5, 20, 100]))

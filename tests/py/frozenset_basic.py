# frozenset
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, frozenset(), frozenset("a") == {"a"}, type(f | {9}).__name__, type({9} | f).__name__)
print(f | {4}, f & {1, 9}, f - {1}, f ^ {1, 5}, f.union([7]), f.intersection({1}), f.copy() is f)
print(hash(f) == hash(frozenset([1, 2, 3])), {f: "ok"}[frozenset({1, 2, 3})], {frozenset(): 1}, frozenset({frozenset()}))
print(f.issubset({1, 2, 3, 4}), f.issuperset({1}), f.isdisjoint({8}), f <= f, f < f, f == {1, 2, 3})
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})))
for bad in [lambda: f.add(1), lambda: f.remove(1), lambda: frozenset([[1]])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

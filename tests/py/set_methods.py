# set methods with several arguments and non-set iterables
s = {1, 2, 3}
print(s.union(), s.union([3, 4], (5,), range(6, 8)), s.intersection(), s.intersection([1, 2, 9], {2, 1}), s.difference(), s.difference([1], {2}))
print(s.symmetric_difference(range(2, 6)), s.issubset(range(5)), s.issuperset((1, 2)), s.isdisjoint("abc"), s <= {1, 2, 3}, s < {1, 2, 3})
t = set("abc") if False else set(range(10))
t.intersection_update(range(0, 10, 2), [0, 2, 4, 6]); print(t)
t.difference_update({0}, [2]); print(t)
t.update("") ; t.update([9], [10, 11]); print(t)
t.symmetric_difference_update([4, 100]); print(t)
u = set(); u.add((1, 2)); u.add(frozenset({3})); print(u, (1, 2) in u, frozenset([3]) in u, {3} in u)
print(sorted({-5, 3, -1, 10, 0}), {i % 4 for i in range(20)}, {1, 2} | {2, 3} | {4}, {x for x in "aaa"} == {"a"})
big = set(range(100))
big -= set(range(0, 100, 2)); big &= set(range(50)); print(len(big), min(big), max(big), sum(big))

# set operators and methods
a = {1, 2, 3, 4}; b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} <= b, {3} < b, b < b, a >= {1}, a > a, a == {4, 3, 2, 1}, a != b)
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([4, 10]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}), a.isdisjoint(b))
c = set(a); c.add(10); c.discard(1); c.discard(99); c.remove(2); print(c, len(c), 10 in c, 2 not in c)
c.update([20], (30,)); print(c)
c.intersection_update({3, 4, 20, 99}); print(c)
c.difference_update([3]); print(c)
c.symmetric_difference_update({4, 5}); print(c)
c |= {100}; c &= set([5, 20, 100]); c -= {5}; c ^= {1}; print(c)
print(set(), set("aab") == {"a", "b"}, set(range(5)), set([1, 1, 2]), {x % 3 for x in range(10)}, len(set()))
s = {5, 6, 7}; p = s.pop(); print(p, s, s.copy() == s, s.clear(), s)
print(sorted({-1, -5, 3}), {1, 2} == frozenset({1, 2}), set() == frozenset())
for bad in [lambda: set().pop(), lambda: {1}.remove(2), lambda: {[1]}, lambda: {1} | [2], lambda: {1} < [1], lambda: set(1),
            lambda: {1}.add([]), lambda: {1} + {2}]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

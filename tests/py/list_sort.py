# list.sort / sorted stability, key, reverse
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
w = words[:]; w.sort(key=lambda s: (len(s), s)); print(w)
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
nums = [3.5, -1, 2, 10**20, 0, -2.5, True]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs))
big = list(range(1000, 0, -1)); big.sort(); print(big[:5], big[-3:])
print(sorted([]), sorted("cba"), sorted({3: 1, 1: 2}), sorted((2, 1)), sorted([[2], [1, 5], [1]]))
l = [5, 1, 4]; print(l.sort(), l, l.sort(reverse=True), l)
print(sorted([1, 2, 3], key=None), sorted([1, 2, 3], reverse=0))
for bad in [lambda: sorted([1, "a"]), lambda: [3, None].sort(), lambda: sorted([1], key=5), lambda: sorted(), lambda: sorted([1], cmp=1),
            lambda: [1].sort(1), lambda: sorted(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

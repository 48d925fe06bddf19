# list methods
a = [3, 1, 2]
a.append(4); a.extend([5, 6]); a.extend(range(2)); a.insert(0, 9); a.insert(-1, 8); a.insert(100, 7); a.insert(-100, -1)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(2), a.index(5, 2), a.index(0, -3), a.count(2), a.count(42))
b = a.copy(); b.reverse(); print(b, a is b, a == b[::-1])
b.clear(); print(b, list(), list("abc"), list((1, 2)), list(range(3)), list({1: 2}), list(x * x for x in range(4)))
c = [1, [2, 3]]; d = c.copy(); d[1].append(4); print(c)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [[]] * 2, [] * 5, [1, 2, 3][::-1])
e = [1, 2]; e += (3, 4); e += "ab"; e *= 2; print(e)
print([1, 2, 3].__len__(), [1, 2].__contains__(2), [5, 6].__getitem__(-1), list.__len__([1]))
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2].index(1, 1),
            lambda: [].insert(1), lambda: [1] + (2,), lambda: [1] * 1.5, lambda: [].extend(5), lambda: list(5), lambda: [].append()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

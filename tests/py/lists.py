a = [3, 1, 2]
a.append(5)
a.extend([9, 8])
a.insert(0, 7)
print(a, len(a), a[0], a[-1], a[2:4])
a.sort()
print(a)
a.reverse()
print(a, a.pop(), a.pop(0), a)
a.remove(3)
print(a, a.index(5), a.count(1), 2 in a, 4 in a)
b = a[:]
b[0] = 100
print(a, b, a + b, a * 2)
del b[1]
print(b, sorted([5, 2, 8], reverse=True), list(range(5)), list("abc"))
c = [[1, 2], [3, 4]]
c[1][0] = 30
print(c, [x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0])
print(min(a), max(a), sum(a), any([0, 1]), all([1, 0]))

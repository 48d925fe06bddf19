# range slicing and equality
r = range(0, 20, 3)
print(r[1:4], r[::-1], r[::2], r[-2:], r[10:], r[:-10], r[5:1:-2], range(10)[::-3], range(10, 0, -1)[2:5])
print(list(r[1:4]), list(r[::-1]), range(5)[slice(None, None, -1)])
print(range(0) == range(5, 5), range(0, 3) == range(3), range(0, 5, 2) == range(0, 6, 2), range(1) == range(1, 2, 5))
print(range(3) == [0, 1, 2], range(3) != range(4), range(0, 10, 3) == range(0, 11, 3), hash(range(3)) == hash(range(0, 3, 1)))
print(range(2, 10, 2).index(6), range(-10, 0)[-1], range(10)[slice(2, -2)], range(2**60)[2**59:][:2])
try:
    print(range(5)[::0])
except ValueError as e:
    print("ValueError", e)
try:
    print(range(3) < range(4))
except TypeError as e:
    print("TypeError", e)

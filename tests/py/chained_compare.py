x = 5
print(1 < x < 10, 1 < x > 10, 1 <= 1 < 2 <= 2, 3 > 2 > 1 > 0)
print(1 < 2 == 2 != 3, 1 == 1.0 == True, "a" < "b" < "c")
print(0 < x < 3 or x == 5, not 1 < x < 3)


def noisy(v):
    print("eval", v)
    return v


print(noisy(1) < noisy(2) < noisy(3))
print(noisy(3) < noisy(2) < noisy(1))
print(1 in [1, 2] in [[1, 2]], x is x is not None)
a = [1]
b = a
print(a is b is not None, a == b == [1])
print([x for x in range(10) if 2 < x <= 5])
print(1 < 2 < 3 < 4 < 5 < 6)
try:
    1 < "a" < 3
except TypeError as e:
    print("TypeError:", e)

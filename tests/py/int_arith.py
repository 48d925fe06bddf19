# Mixed int arithmetic corners
print(7 / 2, 8 / 2, -7 / 2, 1 / 3, 2**53 + 1, (2**53 + 1) / 1)
print(10 ** -2, 2 ** 0.5, (-8) ** 2, (-2) ** 3, 0 ** 0, pow(0, 0))
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(-7, -3))
print(True + True, True * 3, False - 1, True / 2)
print(int.__add__(1, 2), (5).__mul__(3), (5).__sub__(1.0))
print(abs(-0), abs(True), -(-5), +5)
print(3 == 3.0, 3 == 3.5, 2**53 == 2.0**53, 2**53 + 1 == 2.0**53, 1 < 1.5, 10**400 > 1e308)
print(max(1, 2.5), min(3, 2.0), round(7), round(7, 2), round(15, -1), round(25, -1), round(-15, -1))
for bad in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 0 ** -1, lambda: pow(2, 3, 0), lambda: pow(2, 3.0, 5), lambda: 10**400 / 1e-300, lambda: 2 ** 10**10 if False else 1 + '1']:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

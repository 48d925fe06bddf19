# ** and pow() with integers, including modular forms
print(2 ** 10, 2 ** 62, 2 ** 63, 2 ** 64, (-2) ** 63, (-2) ** 64, 3 ** 40, 7 ** 0, 0 ** 5, 1 ** 10**6, (-1) ** (10**6 + 1))
print(pow(2, 100, 10**9 + 7), pow(12345678901234567890, 98765, 10**18), pow(-7, 3, 10), pow(7, -2, 11), pow(3, 0, 1), pow(-2**70, 3, 97))
print(2 ** -2, (-2) ** -3, 10 ** -1, pow(10, -20), 2 ** 0.5 ** 2, -2 ** 2, (-2) ** 2)
x = 3
x **= 4
print(x, x ** x % 1000, len(str(9 ** 999)), str(2 ** 1000)[:20])
for bad in [lambda: pow(2, -1, 6), lambda: pow(0, -1), lambda: pow(2, 2, 0), lambda: pow(2, 1.5, 3), lambda: 2 ** "3"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# float arithmetic corners
print(0.1 + 0.2, 1.0 - 0.9, 3 * 0.1, 1 / 3.0, 7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(0.0, 1.0), divmod(-0.0, 1.0))
print(2.0 ** 10, 2.0 ** -1, (-2.0) ** 2, 4 ** 0.5, 0.0 ** 0, float("inf") - float("inf"))
print(float("nan") == float("nan"), float("inf") > 1e308, -float("inf") < -1e308, 1e308 * 10)
print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(-2.5), -(2.5), +(-0.0))
print(max(0.0, -0.0), min(-0.0, 0.0), 1e-320 / 10, 5e-324 / 2)
print(int(1e15), int(-1.5), int(1.9999999999999999))
print(float("inf") * 0, float("nan") + 1, 10 % float("inf"), -10 % float("inf"))
for bad in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0, lambda: 0.0 ** -1,
            lambda: 10.0 ** 400, lambda: divmod(1.0, 0.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

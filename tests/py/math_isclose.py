import math
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan), math.isclose(1, 1), math.isclose(10**20, 10**20 + 1))
for bad in [lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.isclose(1, 2, 0.5), lambda: math.isclose(1), lambda: math.isclose("a", 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

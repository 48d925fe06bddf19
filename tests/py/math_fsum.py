import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum(range(10)), math.fsum([1, 2.5, 2**60]))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum(x / 10 for x in range(1, 11)))
print(math.fsum([math.inf, 1]), math.fsum([-math.inf, 5]))
for bad in [lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum([1e308, 1e308]), lambda: math.fsum(["a"]), lambda: math.fsum(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(math.isnan(math.fsum([math.nan, 1])))

import math
for x in [0, 0.5, 1, -1, math.pi / 6, math.pi / 2]:
    print(x, round(math.sin(x), 12), round(math.cos(x), 12), round(math.tan(x), 6) if abs(x) != math.pi / 2 else "-")
print(math.asin(1), math.acos(0), math.acos(1), math.atan(1), math.atan(math.inf), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(math.sinh(1), math.cosh(0.5), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5), math.tanh(100))
print(math.sin(0.0), math.sin(-0.0), math.cos(math.pi), math.atan2(0.0, -0.0), math.atan2(-0.0, 0.0))
for bad in [lambda: math.asin(2), lambda: math.acos(-1.5), lambda: math.acosh(0), lambda: math.atanh(1), lambda: math.sin(math.inf),
            lambda: math.sin("x"), lambda: math.atan2(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

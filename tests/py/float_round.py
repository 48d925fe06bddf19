# round() on floats
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 1234.5678, -1234.5678, 1e20, 0.0, -0.0]:
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -2))
print(round(1.23456789, 5), round(5e-324, 400), round(1e300, -301), round(0.1 + 0.2, 15))
print(type(round(2.5)), type(round(2.5, 0)), type(round(2.5, None)))
for bad in [lambda: round(float("nan")), lambda: round(float("inf")), lambda: round(1.5, 1.5), lambda: round("x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2))

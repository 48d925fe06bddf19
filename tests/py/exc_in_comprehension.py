def risky(x):
    if x == 3:
        raise ValueError(f"bad {x}")
    return x * 2


try:
    print([risky(x) for x in range(5)])
except ValueError as e:
    print("caught", e)
try:
    print({x: risky(x) for x in range(5)})
except ValueError as e:
    print("dict caught", e)
safe = []
for x in range(5):
    try:
        safe.append(risky(x))
    except ValueError:
        safe.append(None)
print(safe)
gen = (risky(x) for x in range(5))
out = []
try:
    for v in gen:
        out.append(v)
except ValueError as e:
    print("partial", out, e)
print(next(gen, "generator is finished after raising"))
print([y for y in [1, 0, 2] if y and 10 // y])

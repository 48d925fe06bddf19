log = []


def src(name, items):
    log.append("iter " + name)
    return items


def cond(x):
    log.append(f"cond {x}")
    return x % 2


result = [x * y for x in src("outer", [1, 2, 3]) if cond(x) for y in src("inner", [10])]
print(result)
print(log)
log.clear()
gen = (x for x in src("gen-first", [1, 2]) for y in src("gen-second", [0]))
print(log)
print(list(gen))
print(log)
try:
    (x for x in 5)
except TypeError as e:
    print("eager first iterable:", e)
lazy = (x for x in [1] for y in 5)
try:
    next(lazy)
except TypeError as e:
    print("lazy second iterable:", e)

def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


a, b = nest(20), nest(20)
print(a == b, a < b, len(repr(a)))
deep, deep2 = nest(100000), nest(100000)
try:
    repr(deep)
except RecursionError as e:
    print("RecursionError:", e)
try:
    deep == deep2
except RecursionError as e:
    print("RecursionError:", e)
d = {}
for _ in range(100000):
    d = {"k": d}
try:
    str(d)
except RecursionError as e:
    print("RecursionError:", e)
print(deep < deep)
deep2 < deep

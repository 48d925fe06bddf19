g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 3 == 0))
print(max((len(w), w) for w in ["aa", "b", "cccc"]))
print(list((i, j) for i in range(3) for j in range(i)))
print(dict((k, v) for k, v in zip("ab", [1, 2])))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
print(sorted(c for c in "hello"), "-".join(str(i) for i in range(3)))
n = 10
gen = (n * i for i in range(3))
n = 100
print(list(gen))
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
nested = ((y for y in range(x)) for x in range(3))
print([list(inner) for inner in nested])
print(g.__name__, g.__qualname__)

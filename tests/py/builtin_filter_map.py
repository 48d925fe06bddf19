print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2")))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))), list(map(pow, [2, 3], [3, 2], [5, 5])))
m = map(int, ["1", "x"])
print(next(m))
try:
    next(m)
except ValueError as e:
    print("ValueError", e)
f = filter(None, [1])
print(type(m).__name__, type(f).__name__, iter(f) is f, next(f), next(f, "done"))
for bad in [lambda: map(abs), lambda: map(abs, 5), lambda: filter(None, 5), lambda: filter(None), lambda: list(map(5, [1])),
            lambda: list(filter(5, [1]))]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")), dict(zip("abc", range(3))))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(range(3), range(3), strict=False)))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
z = zip([1], [2])
print(type(z).__name__, iter(z) is z, next(z), next(z, "end"))
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: zip(5), lambda: zip([1], None), lambda: zip([], foo=1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

print(max(1, 2, 3), min(1, 2, 3), max([4, 9, 2]), min("hello"), max((1, 2), (1, 3)), max([], default=0), min([], default=None))
print(max("apple", "Banana", "cherry", key=str.lower), min([3, -5, 2], key=abs), max({1: "a", 5: "b"}), min(range(5, 10)))
print(max([1, 3, 3.0], key=lambda x: x), max([3.0, 3]), min([1, True]), max([2, 1], default=5), max(1, 2, key=None))
print(max([(1, "b"), (1, "a")]), min(iter([7, 3, 9])), max(x * x for x in range(-5, 3)))
for bad in [lambda: max([]), lambda: min(()), lambda: max(), lambda: max(1), lambda: max(1, 2, default=0), lambda: max([1, "a"]),
            lambda: min([1], key=5), lambda: max([1], foo=1), lambda: min(1, 2, 3, default=1, key=abs)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

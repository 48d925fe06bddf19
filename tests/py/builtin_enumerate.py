print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([], 3)))
print(list(enumerate(range(3), 2**64)))
e = enumerate([10, 20])
print(next(e), next(e), next(e, "end"), iter(e) is e, type(e).__name__)
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
for bad in [lambda: enumerate(5), lambda: enumerate([], "1"), lambda: enumerate(), lambda: enumerate([], 1, 2), lambda: enumerate([], step=1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

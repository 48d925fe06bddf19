print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)), sum([0.1] * 10), sum([1, 2.5]), sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum([1, 2], start=10), sum(x * x for x in range(4)), sum([2**64, 2**64]), sum([True, True, False]), sum([1.5, 2**60]))
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum(iter([5])))
for bad in [lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: sum(5), lambda: sum([b"a"], b""), lambda: sum([bytearray()], bytearray()),
            lambda: sum(), lambda: sum([1], 2, 3)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

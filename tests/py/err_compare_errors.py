pairs = [(1, "1"), ("a", None), ([], ()), ({}, {}), (1.5, "x"), ((1, 2), (1, "a"))]
for a, b in pairs:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print(1 == "1", [] == (), None == 0, (1, 2) == (1, 2.0))
sorted([3, "a"])

import sys
values = [3, 0, 7]
if (count := len(values)) > 2:
    print("count", count)
print((x := 5) + x, x)


def reader(items):
    it = iter(items)
    out = []
    while (item := next(it, None)) is not None:
        out.append(item)
    return out


print(reader([1, 2, 3]))
print([w for s in ["a b", "c"] if (w := s.split())])
a = (b := 2) * 3
print(a, b)


def scope():
    if (inner := 10) > 5:
        pass
    return inner


print(scope())
print(f"{(q := 4)} {q}")
lst = [y := 1, y + 1]
print(lst)

print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0.0, ""]), any([0, "x"]), all("abc"), any(x > 3 for x in range(5)))
calls = []
def t(v):
    calls.append(v)
    return v
print(any(t(x) for x in [0, 1, 2]), calls)
calls.clear()
print(all(t(x) for x in [1, 0, 2]), calls)
print(all({}), any({0: 1}), all(range(1, 5)), any(iter([None, []])))
for bad in [lambda: all(5), lambda: any(None), lambda: all(), lambda: any([1], [2])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

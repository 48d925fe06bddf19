words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words})
print({k: v for k, v in zip("abc", range(3)) if v})
print(sorted({len(w) for w in words}))
print({i % 3 for i in range(10)} == {0, 1, 2})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print({(i, j): i * j for i in range(2) for j in range(2)})
nested = {k: {c for c in k} == set(k) for k in ["aa", "ab"]}
print(nested)
print({x: [y for y in range(x)] for x in range(3)})
print(sorted({frozenset({1, 2}), frozenset({2, 1})}.pop()))
order = []


def key(k):
    order.append("key " + k)
    return k


def val(v):
    order.append("val " + v)
    return v


{key(a): val(a) for a in "xy"}
print(order)

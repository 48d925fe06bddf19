# keys(), values(), items() views: live, set operations
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("a", 1) in it, ("a", 2) in it)
d["d"] = 4
print(list(k), list(v), list(it), len(it))
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}), k == {"a", "b", "c", "d"})
print(sorted(it & {("a", 1), ("b", 9)}), sorted(it - {("a", 1)})[:1], k <= {"a", "b", "c", "d", "e"}, k < k, k.isdisjoint({"q"}))
print({"a"} & k == {"a"}, sorted({"x", "a"} | k), sorted(["z", "a"] - k if False else k - ["a", "b"]))
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(d.values() == d.values(), list(d.items())[0], dict(d.items()) == d)
for bad in [lambda: k[0], lambda: hash(k), lambda: v & {1}]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    for key in d:
        d["new" + key] = 1
except RuntimeError as e:
    print("RuntimeError", e)

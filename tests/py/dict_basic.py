# dict basics and insertion order
d = {"b": 1, "a": 2}
d["c"] = 3; d["b"] = 10
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d, list(d))
del d["a"]; d["a"] = 5; print(d)
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, k2="v2"), dict(zip("ab", range(2))))
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "t"}[(1, 2)], {None: 0}[None])
print(d.setdefault("b", 99), d.setdefault("new", 7), d.setdefault("nn"), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
d.update({"a": 0}, x=1); d.update([("y", 2)]); d.update(z=3); print(d)
c = d.copy(); c.clear(); print(c, d == {"c": 3, "a": 0, "new": 7, "nn": None, "x": 1, "y": 2, "z": 3})
e = {}
for i in range(100):
    e[i] = i * i
for i in range(0, 100, 3):
    del e[i]
print(len(e), list(e)[:5], sum(e.values()))
print({1: 2} == {1: 2.0}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3}, {"a": [1]} == {"a": [1]})
r = {}; r["self"] = r; print(r)

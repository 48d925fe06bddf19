t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t + (4,), t * 2, (1,), ())
a, b, c = t
print(a, b, c)
d = {"x": 1, "y": 2}
d["z"] = 3
print(d, len(d), d["y"], "x" in d, d.get("q"), d.get("q", 0))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=", v)
print(list(d.keys()), list(d.values()), d.pop("x"), d)
d.update({"w": 9})
print(d, {1: "a", (1, 2): "b"}, dict(a=1, b=2), {k: k * k for k in range(4)})
del d["y"]
print(d, d.setdefault("n", []), d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)

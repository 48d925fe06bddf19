# insertion order survives deletes, re-inserts and updates
d = {}
for k in "hello world":
    d[k] = d.get(k, 0) + 1
print(d, list(d.keys())[:3], list(d.values())[-2:])
del d["l"]; d["l"] = 0; d["h"] = 99
print(list(d))
e = dict.fromkeys(range(20))
for i in range(0, 20, 2):
    del e[i]
e[0] = "back"
print(list(e))
print({**{"a": 1, "b": 2}, "a": 3, **{"c": 4}})
f = {"x": 1}; f.update(y=2, x=3); print(f, list(f.items()))
print(dict(sorted({"b": 2, "a": 1}.items())), dict(reversed(list({"p": 1, "q": 2}.items()))))

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for w in "a b a c a b".split():
    c[w] = c[w] + 1
print(c, c["zzz"], "zzz" in c, len(c), isinstance(c, dict), type(c).__name__)
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = Default(list)
d["x"].append(1); d["x"].append(2); d["y"].append(3)
print(d, sorted(d.keys()), d.get("zz", "none"))
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper(); u["a"] = 1; print(u, dict(u), u == {"A": 1})
print("{name}".format_map(Counter()), "{a}".format_map(Counter(a=5)))

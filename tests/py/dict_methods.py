# fromkeys, copy, popitem, |, |=, get, setdefault
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []), dict.fromkeys(""))
d = {"x": 1, "y": 2, "z": 3}
print(d.popitem(), d.popitem(), d, d.popitem(), d)
a = {"a": 1, "b": 2}; b = {"b": 3, "c": 4}
print(a | b, b | a, a, {} | {})
a |= b; print(a)
a |= [("d", 5)]; print(a)
print({1: 2}.get(1), {}.get(1, "default"), {"k": None}.get("k", 5))
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1)
print(dd["a"], dd["zz"], dd.get("zz"), len(dd), "zz" in dd)
print(sorted({3: "c", 1: "a", 2: "b"}.items()), list({}.items()), dict(sorted({"b": 1, "a": 2}.items())))
print(len({i: i for i in range(10)}), {k: v for k, v in zip("ab", "xy")})
for bad in [lambda: {}.popitem(), lambda: {}["missing"], lambda: {}.pop("missing"), lambda: {[1]: 2}, lambda: {} | [],
            lambda: dict(1), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: {}.get(), lambda: dict.fromkeys(),
            lambda: {1: 2}.update(5), lambda: {}[[]]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

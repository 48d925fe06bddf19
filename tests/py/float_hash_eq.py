# float hashing and equality with ints, as dict and set keys
for v in [0.0, -0.0, 1.0, 1.5, -2.5, 1e16, 2.0**70, 123456.789, float("inf"), float("-inf")]:
    finite = v not in (float("inf"), float("-inf"))
    print(v, hash(v), finite and v == int(v) and hash(v) == hash(int(v)))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, {0.0: "a", 0: "b", False: "c", -0.0: "d"}, {2.5, 2.5, 5 / 2}, len({1, 1.0, True}))
print(0.1 + 0.2 in {0.3}, 0.5 in {0.5}, {1.0: 1}.get(1), 1e300 * 10 == float("inf"), -0.0 == 0.0, str(-0.0))

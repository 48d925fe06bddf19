# exact comparisons between ints and floats
big = 2**53
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big), float(big) < big + 1)
print(10**400 > 1e308, -10**400 < -1e308, 10**400 == float("inf"), 10**400 < float("inf"))
print(1 == 1.0, 1 < 1.0000000000000002, 0 == -0.0, -1 < -0.5, 3 <= 3.0, 2**63 == 2.0**63, 2**63 - 1 == 2.0**63)
print(hash(2**63) == hash(2.0**63), hash(-0.0) == hash(0), {1: "a", 1.0: "b"}, {2.0: "x"}[2], 5 in [5.0])
print(sorted([3, 1.5, 2**70, -2.5, 0, True]), max(1, 1.0), min(1.0, 1), float("nan") == float("nan"), float("nan") != 1)
print(1 < float("nan"), 1 > float("nan"), 1 == float("nan"), [0.1 * 3, 0.3], round(0.1 * 3, 10) == 0.3)

cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (1,),
    lambda: (1,) + [1],
    lambda: {} + {},
    lambda: None - 1,
    lambda: "a" * "b",
    lambda: [1] * 2.0,
    lambda: 1 / "x",
    lambda: 2 ** "x",
    lambda: "x" % [],
    lambda: -"x",
    lambda: ~1.5,
    lambda: +[],
    lambda: 1 < "a",
    lambda: [] > {},
    lambda: None >= None,
    lambda: object() < object(),
    lambda: {1} @ {2},
    lambda: 1 << "a",
    lambda: 1.5 & 1,
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
x = {"a": 1} - 3

# str.format field syntax
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[key]}".format([10, 20], {"key": "v"}), "{.real} {.imag}".format(3, 4.5))
class P:
    name = "pt"
    coords = (1, 2)
print("{0.name} {0.coords[1]} {p.name}".format(P(), p=P()))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>6}".format("x"), "{:{}}|".format("ab", 5), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
print("{{}} {{{}}}".format(7), "{:>{width}}".format("r", width=4), "{0:{1}{2}}".format(5, "<", 4) + "|")
print("{} and {}".format(*"ab"), "{a}{b}".format(**{"a": 1, "b": 2}), "{0}{0}{0}".format("x"))
print("{:%Y}".format(5) if False else "{:>8,.1f}".format(12345.678), "{:#x}".format(255), "{0:^7}".format("mid"))
print("{:}".format(5), "{0:}".format("s"), "{[1]}".format("xyz"), "{0[-1]}".format({-1: "neg"}) if False else "ok")
for tmpl, a, k in [("{", (), {}), ("}", (), {}), ("{0", (1,), {}), ("{1}", (1,), {}), ("{}{}", (1,), {}), ("{x}", (), {}),
                   ("{0}{}", (1, 2), {}), ("{}{0}", (1, 2), {}), ("{!x}", (1,), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}),
                   ("{:d}", ("s",), {}), ("{0!}", (1,), {}), ("{0:{1:{2:{3}}}}", (1, 2, 3, 4), {})]:
    try:
        print(repr(tmpl.format(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

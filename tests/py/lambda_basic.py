sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "no args")())
print(sq.__name__, sq.__qualname__)
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])))
print(list(filter(lambda v: v % 2, range(6))))
vararg = lambda *a, **k: (a, sorted(k.items()))
print(vararg(1, 2, z=3, y=4))
kwo = lambda a, *, b: a - b
print(kwo(5, b=2))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print([cond(v) for v in (-1, 0, 1)])
fs = {name: (lambda n: lambda: n)(name) for name in "ab"}
print(fs["a"](), fs["b"]())
print((lambda x, /, y: x * y)(3, y=4))


def make():
    return lambda: make.__name__


print(make()())

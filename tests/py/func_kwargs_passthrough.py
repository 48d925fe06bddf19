def inner(a, b=0, **rest):
    return a, b, list(rest.items())


def middle(*args, **kwargs):
    kwargs.setdefault("b", "default-b")
    return inner(*args, **kwargs)


def outer(**kwargs):
    return middle(1, **kwargs)


print(outer())
print(outer(b=2, z=26, y=25))
print(middle(b=1, a=2, c=3))
kw = {"x": 1}
middle(1, **kw)
print(kw)


def order(**kw):
    return list(kw)


print(order(c=1, a=2, b=3), order(**{"z": 0, "y": 1}, x=2))


def defaults_shared(x, acc={}):
    acc[x] = len(acc)
    return acc


defaults_shared("a")
print(defaults_shared("b"), defaults_shared.__defaults__)

def f(a, b=2, c=3):
    return (a, b, c)


print(f(1), f(1, 5), f(1, c=9), f(c=0, a=7), f(*[1, 2, 3]))


def mutable_default(x, acc=[]):
    acc.append(x)
    return acc


print(mutable_default(1), mutable_default(2), mutable_default(3, []))
counter = 10


def evaluated_once(v=counter):
    return v


counter = 20
print(evaluated_once(), f.__defaults__, evaluated_once.__defaults__)


def none_default(x=None):
    if x is None:
        x = []
    x.append(1)
    return x


print(none_default(), none_default())


def kwdefaults(a, *, b=1, c):
    return a, b, c


print(kwdefaults(0, c=2), kwdefaults.__kwdefaults__)
f.__defaults__ = (20, 30)
print(f(1))

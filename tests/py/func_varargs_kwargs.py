def collect(*args, **kwargs):
    return args, kwargs


print(collect())
print(collect(1, 2, x=3))
print(collect(*range(3), **{"a": 1, "b": 2}))


def mixed(a, b=0, *rest, key="k", **extra):
    return a, b, rest, key, extra


print(mixed(1))
print(mixed(1, 2, 3, 4, key="K", z=26))
print(mixed(*[1, 2], *[3], **{"key": 1}, other=2))


def forward(*args, **kwargs):
    return collect(*args, **kwargs)


print(forward(1, y=2))
print(type(collect()[0]).__name__, type(collect()[1]).__name__)


def star_sum(*nums):
    total = 0
    for n in nums:
        total += n
    return total


print(star_sum(), star_sum(1, 2, 3), star_sum(*range(101)))
d = {"a": 1}
print(collect(**d, b=2), d)


def kw_only_after_star(*args, flag=False):
    return args, flag


print(kw_only_after_star(1, 2, flag=True))
print(collect(1, *(), **{}))

import functools


def timed(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner


@timed
def area(w, h):
    """Area of a rectangle."""
    return w * h


print(area(2, 3), area.__name__, area.__doc__, area.__wrapped__.__name__)
unwrapped = area
while hasattr(unwrapped, "__wrapped__"):
    unwrapped = unwrapped.__wrapped__
print(unwrapped is area.__wrapped__)

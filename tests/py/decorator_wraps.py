def wraps(wrapped):
    def deco(wrapper):
        wrapper.__name__ = wrapped.__name__
        wrapper.__qualname__ = wrapped.__qualname__
        wrapper.__doc__ = wrapped.__doc__
        wrapper.__wrapped__ = wrapped
        return wrapper
    return deco


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return fn(*args, **kwargs)
    return wrapper


@logged
def compute(x):
    """Compute things."""
    return x * 3


print(compute(2), compute.__name__, compute.__qualname__, compute.__doc__)
print(compute.__wrapped__(5), compute.__wrapped__.__name__)


def plain():
    """doc of plain"""


def nodoc():
    pass


print(plain.__doc__, nodoc.__doc__)
nodoc.__doc__ = "set later"
print(nodoc.__doc__)
nodoc.custom = {"a": 1}
print(nodoc.custom, nodoc.__dict__)

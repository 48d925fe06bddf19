def repeat(times, sep=" "):
    def deco(fn):
        def wrapper(*args, **kwargs):
            return sep.join(str(fn(*args, **kwargs)) for _ in range(times))
        return wrapper
    return deco


@repeat(3)
def word():
    return "ha"


@repeat(times=2, sep="-")
def num(n):
    return n * 2


print(word(), num(4))


def validate(**types):
    def deco(fn):
        def wrapper(**kwargs):
            for k, v in kwargs.items():
                if not isinstance(v, types[k]):
                    raise TypeError(f"{k} must be {types[k].__name__}")
            return fn(**kwargs)
        return wrapper
    return deco


@validate(name=str, age=int)
def person(name, age):
    return f"{name}:{age}"


print(person(name="x", age=3))
try:
    person(name="x", age="old")
except TypeError as e:
    print("TypeError:", e)


def prefix(p):
    return lambda fn: lambda *a: p + fn(*a)


@prefix("a")
@prefix("b")
@repeat(2, sep="")
def core():
    return "c"


print(core())


class Route:
    routes = {}

    @classmethod
    def add(cls, path):
        def deco(fn):
            cls.routes[path] = fn
            return fn
        return deco


@Route.add("/home")
def home():
    return "home page"


print(Route.routes["/home"]())

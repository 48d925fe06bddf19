registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls


def add_greeting(greeting):
    def deco(cls):
        cls.greet = lambda self: f"{greeting}, {self.name}"
        return cls
    return deco


@register
@add_greeting("Hello")
class Person:
    def __init__(self, name):
        self.name = name


@register
class Thing:
    pass


print(sorted(registry))
print(Person("Ann").greet())
print(registry["Person"] is Person)


def singleton(cls):
    instances = {}

    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get


@singleton
class Db:
    def __init__(self, url):
        self.url = url


x = Db("a")
y = Db("b")
print(x is y, y.url)

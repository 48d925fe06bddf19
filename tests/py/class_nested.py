class Outer:
    class Inner:
        class Deepest:
            def where(self):
                return type(self).__qualname__

        def make(self):
            return Outer.Inner.Deepest()

    def method(self):
        class Local:
            pass
        return Local


print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer.Inner().make().where())
L = Outer().method()
print(L.__qualname__, L.__name__)


def factory():
    class Made:
        def hello(self):
            return "hi"
    return Made


print(factory().__qualname__, factory()().hello.__qualname__)
print(Outer.method.__qualname__, factory.__qualname__)


class A:
    x = 1
    y = x + 1
    items = [x * 2 for x in range(3)]

    def m(self):
        return x


print(A.y, A.items)
x = "global x"
print(A().m())


class B:
    n = 5
    squares = [i * i for i in range(3)]
    try:
        bad = [n for _ in range(2)]
    except NameError as e:
        err = str(e)


print(B.squares, B.err)
print(Outer.__module__, Outer.Inner.__module__)

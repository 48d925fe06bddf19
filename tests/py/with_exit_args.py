class Spy:
    def __init__(self, name, result=None):
        self.name = name
        self.result = result

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print(self.name, "exit:", exc_type.__name__ if exc_type else None, repr(exc))
        return self.result


with Spy("clean"):
    pass
try:
    with Spy("err"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
with Spy("suppress", result=1):
    raise KeyError("gone")
with Spy("falsy", result=0) as s:
    pass
print(s.name)


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("from exit")


try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
try:
    with ExitRaises():
        pass
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", e.__context__)


def gen_managed():
    with Spy("in-gen"):
        yield 1
        yield 2


for v in gen_managed():
    print("value", v)
with Spy("a") as a, Spy("b", result=True) as b:
    raise IndexError("both see it?")
print("after nested")

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress


with CM("a") as v:
    print("body", v)
with CM("outer") as o, CM("inner") as i:
    print("body", o, i)
with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", e)
try:
    with CM("x", True), CM("y"):
        raise RuntimeError("inner fails")
    print("x suppressed it")
except RuntimeError:
    print("not reached")


def f():
    with CM("ret"):
        return "returned"


print(f())
for k in range(3):
    with CM(f"loop{k}"):
        if k == 0:
            continue
        if k == 1:
            break
print("done loop")
with CM("tuple") as (p):
    print(p)


class Tracker:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        print("exit args", args[0], args[1])
        return None


with Tracker() as t:
    print(type(t).__name__)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)


class NoExit:
    def __enter__(self):
        return 1


try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)


class EnterFails:
    def __enter__(self):
        raise OSError("enter failed")

    def __exit__(self, *a):
        print("never called")


try:
    with EnterFails():
        print("not here")
except OSError as e:
    print("OSError:", e)

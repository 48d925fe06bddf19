class contextmanager_like:
    def __init__(self, gen_func):
        self.gen_func = gen_func

    def __call__(self, *args):
        return _Manager(self.gen_func(*args))


class _Manager:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


@contextmanager_like
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("inside", t)


@contextmanager_like
def suppressing():
    try:
        yield
    except KeyError as e:
        print("suppressed", e)


with suppressing():
    raise KeyError("missing")
print("continued")
try:
    with tag("i"):
        raise ValueError("escapes")
except ValueError as e:
    print("ValueError:", e)

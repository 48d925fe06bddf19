# L04: recursion past the limit raises RecursionError, also when it passes
# through native code (a key= function, __eq__, a decorator), without
# overflowing any native stack; the thread goes on afterwards.
def deep(n):
    return deep(n + 1)


def key(x):
    return sorted([x], key=key)


class Eq:
    def __eq__(self, other):
        return self == other


def decorate(f):
    def wrapper(*a):
        return decorate(f)(*a)
    return wrapper


for name, f in [("python", lambda: deep(0)), ("key=", lambda: key(1)),
                ("__eq__", lambda: Eq() == Eq()), ("decorator", lambda: decorate(len)([]))]:
    try:
        f()
    except RecursionError:
        print("RecursionError via", name)
print("done")

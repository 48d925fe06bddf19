def none():
    pass


def one(a):
    pass


def two(a, b):
    pass


def defaults(a, b=1, c=2):
    pass


def three_required(a, b, c):
    pass


def kwonly(a, *, k):
    pass


def kwonly_two(*, x, y):
    pass


def varargs(a, *args):
    pass


class K:
    def method(self, a):
        pass

    @staticmethod
    def smethod(a):
        pass

    @classmethod
    def cmethod(cls, a):
        pass


cases = [
    lambda: none(1),
    lambda: none(1, 2),
    lambda: one(),
    lambda: one(1, 2),
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: defaults(),
    lambda: defaults(1, 2, 3, 4),
    lambda: three_required(),
    lambda: three_required(1),
    lambda: kwonly(1),
    lambda: kwonly(1, 2),
    lambda: kwonly(1, 2, k=3),
    lambda: kwonly_two(),
    lambda: kwonly_two(1),
    lambda: varargs(),
    lambda: one(b=1),
    lambda: one(1, a=1),
    lambda: one(a=1, z=2),
    lambda: none(x=1),
    lambda: K().method(),
    lambda: K().method(1, 2),
    lambda: K.smethod(),
    lambda: K.cmethod(1, 2),
    lambda: K.method(),
    lambda: (lambda x: x)(),
    lambda: (lambda: 0)(5),
    lambda: defaults(1, 2, 3, c=4),
    lambda: two(1, 2, 3, b=4),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
two(1, 2, 3, 4)

def f(a, b):
    return a + b


class C:
    def m(self, x):
        return x


for call in [
    lambda: f(1, **{"b": 2, "c": 3}),
    lambda: f(**{"a": 1}, b=2, **{"b": 3}),
    lambda: C().m(**{"y": 1}),
    lambda: C().m(*[1], **{"x": 2}),
    lambda: f(*None),
    lambda: len(**{"x": 1}),
    lambda: f(**None),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def f(a, b, c, d=0):
    return a * 1000 + b * 100 + c * 10 + d


args = [1, 2]
print(f(*args, 3), f(*args, *[3, 4]), f(1, *(2, 3)), f(*"\x01\x02\x03".encode()))
print(f(**{"a": 1, "b": 2, "c": 3}), f(1, **{"c": 3, "b": 2}))
print(f(*[1], **{"b": 2}, c=5, d=6))
print(f(*range(3)))
print(f(*(x for x in [4, 3, 2, 1])))
print(max(*[3, 9, 2]), print(*[1, 2], sep="-"))
try:
    f(*[1, 2], **{"b": 5, "c": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)


class Mapping:
    def keys(self):
        return ["a", "b", "c"]

    def __getitem__(self, k):
        return {"a": 7, "b": 8, "c": 9}[k]


print(f(**Mapping()))
print(dict(**{"x": 1}, y=2))

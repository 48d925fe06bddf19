# dunder methods of built-in types, called directly
print(int.__add__(2, 3), (7).__floordiv__(2), (7).__rtruediv__(2), (3).__pow__(2), (5).__neg__(), (5).__abs__(), (-5).__abs__())
print((1).__add__(1.5), (1.5).__add__(1), (2.0).__mul__(3), (1.5).__radd__(1), (3).__lt__(4), (3).__eq__(3.0), (3.0).__eq__(3))
print("ab".__add__("cd"), "ab".__mul__(2), "ab".__rmul__(3), [1].__add__([2]), (1,).__add__((2,)), [1].__mul__(2), (1,).__rmul__(3))
print((10).__index__(), (2.5).__int__(), (3).__float__(), (2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (2.675).__round__(2))
print((5).__bool__(), (0.0).__bool__(), "x".__len__(), [1, 2].__len__(), {1: 2}.__len__(), {1}.__len__(), b"ab".__len__())
print({1, 2}.__and__({2, 3}), {1}.__or__({2}), {1, 2}.__sub__({1}), {1}.__xor__({2}), {1}.__or__([2]), frozenset({1}).__or__({2}))
print((5).__repr__(), (2.5).__repr__(), "s".__repr__(), True.__repr__(), (5).__format__("03"), "x".__format__(">3"), (0.5).__format__(".1%"))
print(int.__mul__(True, 5), True.__and__(False), True.__or__(1), (6).__and__(3), (6).__xor__(3), (1).__lshift__(10), (1024).__rshift__(3))
print(list.__getitem__([5, 6], 1), tuple.__getitem__((7, 8), -1), dict.__getitem__({"k": 1}, "k"), str.__getitem__("abc", 1), list.__contains__([1], 1))
for bad in [lambda: "ab".__add__(1), lambda: [1].__add__((2,)), lambda: (1,).__add__([2]), lambda: int.__add__("a", 1), lambda: (1).__add__(), lambda: "ab".__mul__("x"), lambda: (5).__neg__(1), lambda: str.__len__(5)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

print(repr(1), repr(1.5), repr("x"), repr([1, "a", 2.0]), repr((1,)), repr(()), repr({1: "a"}), repr({1}), repr(set()), repr(frozenset()))
print(repr(None), repr(True), repr(b"x"), repr(bytearray(b"y")), repr(range(3)), repr(slice(1, 2)), repr(...), repr(NotImplemented))
print(repr(int), repr(str), repr(KeyError), repr(type(None)), repr(ValueError("bad")), repr(KeyError("k")), repr(Exception()))
print(repr({}.keys()), repr({1: 2}.values()), repr({1: 2}.items()), repr([[], [[]]]), repr(("a", ("b",))))
class R:
    def __repr__(self):
        return "R()"
class S:
    def __str__(self):
        return "S-str"
print(repr(R()), str(R()), [R()], {R(): R()} if False else (R(),), str(S()), repr([S()])[:9])
class Bad:
    def __repr__(self):
        return 1
try:
    repr(Bad())
except TypeError as e:
    print("TypeError", e)
try:
    repr()
except TypeError as e:
    print("TypeError", e)

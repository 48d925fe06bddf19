class Key:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()

    def __hash__(self):
        return hash(self.name.lower())

    def __repr__(self):
        return f"Key({self.name})"


d = {Key("a"): 1, Key("B"): 2}
print(d[Key("A")], d[Key("b")], Key("c") in d)
d[Key("A")] = 10
print(len(d), d[Key("a")])
s = {Key("x"), Key("X"), Key("y")}
print(len(s), Key("Y") in s)
print(sorted(k.name for k in s))


class Ident:
    pass


i1, i2 = Ident(), Ident()
dd = {i1: "one", i2: "two"}
print(dd[i1], dd[i2], len({i1, i1, i2}))
print(hash(i1) == hash(i1))


class Unhash:
    def __eq__(self, other):
        return True


print(Unhash.__hash__)
try:
    {Unhash(): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Unhash())
except TypeError as e:
    print("TypeError:", e)


class ExplicitNone:
    __hash__ = None


try:
    {ExplicitNone()}
except TypeError as e:
    print("TypeError:", e)


class HashAndEqSub(Key):
    pass


print(HashAndEqSub("q") in {Key("Q")})


class BadHash:
    def __hash__(self):
        return "nope"


try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)


class CountEq:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        CountEq.calls += 1
        return self.v == o.v

    def __hash__(self):
        return 7


keys = [CountEq(i) for i in range(3)]
table = {k: k.v for k in keys}
print(table[CountEq(2)], CountEq.calls > 0)
print([1, Key("a")].index(Key("A")), [Key("z")].count(Key("Z")))

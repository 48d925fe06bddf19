class Acc:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, other):
        print("iadd", other)
        self.v += other
        return self

    def __add__(self, other):
        print("add", other)
        return Acc(self.v + other)

    def __isub__(self, other):
        print("isub", other)
        return NotImplemented

    def __sub__(self, other):
        print("sub", other)
        return Acc(self.v - other)

    def __imul__(self, other):
        self.v *= other
        return self


a = Acc(1)
orig = a
a += 5
print(a.v, a is orig)
a -= 2
print(a.v, a is orig)
a *= 3
print(a.v)


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return OnlyAdd(self.v + o)


x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)
lst = [1]
alias = lst
lst += [2]
print(alias, lst is alias)
t = (1,)
ta = t
t += (2,)
print(t, ta)


class Holder:
    def __init__(self):
        self.items = [1]
        self.n = 0


h = Holder()
h.items += [2]
h.n += 10
d = {"k": 1}
d["k"] += 5
arr = [1, 2, 3]
arr[1] *= 10
print(h.items, h.n, d, arr)
try:
    x -= 1
except TypeError as e:
    print("TypeError:", e)

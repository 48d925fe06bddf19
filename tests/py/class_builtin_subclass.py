class MyList(list):
    def total(self):
        return sum(self)


class MyDict(dict):
    def __missing__(self, key):
        return f"missing {key}"


class Upper(str):
    def shout(self):
        return self.upper() + "!"


class Money(int):
    def __repr__(self):
        return f"${int(self)}"


ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__)
print(ml[1:], ml + [5])
md = MyDict(a=1)
print(md["a"], md["zz"], "zz" in md)
u = Upper("hey")
print(u.shout(), u + "x", len(u), u == "hey", isinstance(u, str))
m = Money(5)
print(m, m + 1, repr(m), m * 2, m > 3)


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
print(s.peek(), s.pop(), s, bool(s))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


pt = Point(3, 4)
print(pt, pt.x, pt[1], len(pt))

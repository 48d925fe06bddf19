class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value

    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()


g = Grid(3, 2)
print(len(g), g[0, 0])
g[1, 1] = "#"
g[2, 0] = "@"
print(g[1, 1], "#" in g, "x" in g, "x" not in g)
del g[1, 1]
print(g[1, 1], "#" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[0, 1]
except KeyError as e:
    print("KeyError:", e)


class Seq:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, i):
        print("getitem", i)
        return self.data[i]

    def __len__(self):
        return len(self.data)


s = Seq([10, 20, 30])
print(list(s))
print(20 in s)
print(s[1:], s[::-1], s[-1])
for x in Seq("ab"):
    print("item", x)
print(bool(Seq([])), bool(Seq([0])))


class NoLen:
    pass


try:
    len(NoLen())
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del NoLen()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    1 in NoLen()
except TypeError as e:
    print("TypeError:", e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)


class StrLen:
    def __len__(self):
        return "3"


try:
    len(StrLen())
except TypeError as e:
    print("TypeError:", e)

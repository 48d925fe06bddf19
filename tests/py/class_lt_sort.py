class Item:
    def __init__(self, name, prio):
        self.name, self.prio = name, prio

    def __lt__(self, other):
        return self.prio < other.prio

    def __repr__(self):
        return f"{self.name}:{self.prio}"


items = [Item("a", 3), Item("b", 1), Item("c", 2), Item("d", 1)]
print(sorted(items))
items.sort(reverse=True)
print(items)
print(max(items), min(items))
print(sorted(items, key=lambda i: i.name))


class GtOnly:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return f"G{self.v}"


print(sorted([GtOnly(3), GtOnly(1), GtOnly(2)]))
try:
    sorted([object(), object()])
except TypeError as e:
    print("TypeError:", e)

class Bag:
    items = []
    total = 0

    def add(self, x):
        self.items.append(x)
        self.total += x


a = Bag()
b = Bag()
a.add(1)
b.add(2)
print(Bag.items, a.items is b.items)
print(Bag.total, a.total, b.total)
print("total" in a.__dict__, "items" in a.__dict__)


class Config:
    debug = False
    level = 1
    names = ("a", "b")

    def enable(self):
        type(self).debug = True


c1, c2 = Config(), Config()
c1.enable()
print(c2.debug, Config.debug)
Config.level += 1
print(c1.level)
setattr(Config, "new_attr", 42)
print(c2.new_attr, getattr(c1, "missing", "default"))
delattr(Config, "new_attr")
print(hasattr(c1, "new_attr"))

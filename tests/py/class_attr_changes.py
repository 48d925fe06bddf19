# Attribute lookups through classes stay right when classes change while
# instances are in use: methods replaced, added to a base, deleted, and
# shadowed by a property or a data descriptor added later.
class Base:
    def greet(self):
        return "base"


class Child(Base):
    pass


c = Child()
out = []
for step in range(6):
    if step == 1:
        Child.greet = lambda self: "child"
    if step == 2:
        del Child.greet
    if step == 3:
        Base.greet = lambda self: "new base"
    if step == 4:
        Base.extra = property(lambda self: "extra via property")
    if step == 5:
        del Base.greet
    try:
        out.append(c.greet())
    except AttributeError as e:
        out.append("AttributeError: " + str(e))
print(out)
print(c.extra)


class Guard:
    def __set__(self, obj, value):
        obj.__dict__["seen"] = value * 2

    def __get__(self, obj, owner):
        return obj.__dict__.get("seen", 0)


class Plain:
    pass


p = Plain()
for i in range(3):
    p.value = i
print(p.value)
Plain.value = Guard()
for i in range(3):
    p.value = i
print(p.value, p.__dict__)

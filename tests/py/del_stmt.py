a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)


class O:
    pass


o = O()
o.x = 1
o.y = 2
del o.x
print(vars(o))
x, y = 1, 2
del x, y
print("x" in globals(), "y" in globals())


def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(local_del())


def del_unbound():
    try:
        del never
    except UnboundLocalError as e:
        return str(e)
    never = 1


print(del_unbound())
try:
    del undefined_global
except NameError as e:
    print("NameError:", e)
items = [1, 2, 3]
for item in items:
    pass
del item
print("item" in globals())
e = 1
try:
    raise ValueError
except ValueError as e:
    pass
print("e" in globals())

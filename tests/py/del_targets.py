class O:
    pass


o = O()
o.a, o.b = 1, 2
lst = [0, 1, 2, 3, 4, 5]
d = {"k": 1, "j": 2}
x = y = "v"
del o.a, lst[0], d["k"], (x, y)
print(vars(o), lst, d, "x" in dir(), "y" in dir())
del lst[::2]
print(lst)
del lst[-1:]
print(lst)
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del lst[10]
except IndexError as e:
    print("IndexError:", e)
[a, b] = [1, 2]
del [a, b]
print("a" in dir())

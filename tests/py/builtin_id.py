a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, type(id(a)).__name__, id(None) == id(None))
s = "x"
print(id(s) == id(s), isinstance(id(5), int))
try:
    id()
except TypeError as e:
    print("TypeError", e)

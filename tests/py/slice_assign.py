a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:] = [1, 2, 3]
print(a)
a[1:1] = [9, 9]
print(a)
a[len(a):] = [7]
print(a)
a[::2] = ["e0", "e1", "e2"]
print(a)
a[-2:] = []
print(a)
b = list(range(10))
del b[::3]
print(b)
del b[1:3]
print(b)
del b[:]
print(b)
c = list(range(6))
c[::-2] = "abc"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = [1, 2, 3]
d[0:2] = (x * 10 for x in range(4))
print(d)
e = [0, 1, 2, 3]
e[1:3] = e
print(e)
ba = bytearray(b"hello")
ba[0:1] = b"J"
print(ba)
try:
    "abc"[0:1] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    t = (1, 2)
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)


class Store:
    def __setitem__(self, k, v):
        print("setitem", k, v)

    def __delitem__(self, k):
        print("delitem", k)


st = Store()
st[1:5:2] = "v"
del st[::-1]
st[1, 2:3] = 0

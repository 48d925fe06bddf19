class A:
    a = 1
    def m(self):
        pass
class B(A):
    b = 2
x = B()
x.inst = 3
names = dir(x)
print([n for n in names if not n.startswith("__")])
print("append" in dir([]), "keys" in dir({}), "upper" in dir(""), "bit_length" in dir(1), "__len__" in dir([]))
print(dir() if False else sorted(n for n in dir() if not n.startswith("__")))
import sys
print("argv" in dir(sys), "exit" in dir(sys))
def f():
    local1 = 1
    local2 = 2
    return dir()
print(f())
print(dir(A) == sorted(dir(A)))

class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)


class Init:
    def __init__(self, a, b=2):
        self.a = a


try:
    Init()
except TypeError as e:
    print("TypeError:", e)
try:
    Init(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Init(1, c=3)
except TypeError as e:
    print("TypeError:", e)


class RetInit:
    def __init__(self):
        return 5


try:
    RetInit()
except TypeError as e:
    print("TypeError:", e)


class M:
    def meth(self, x):
        return x


try:
    M().meth()
except TypeError as e:
    print("TypeError:", e)
try:
    M().meth(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    M.meth(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
M().meth(1, 2, 3)

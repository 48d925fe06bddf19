class Flag:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool called")
        return self.v


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("len called")
        return self.n


class Plain:
    pass


print(bool(Flag(True)), bool(Flag(False)))
print(bool(Sized(0)), bool(Sized(2)), bool(Plain()))
if Flag(False):
    print("no")
else:
    print("else branch")
print(not Sized(0), Flag(True) and "yes", Sized(0) or "fallback")
while Sized(0):
    print("never")
print([x for x in [Sized(1), Sized(0)] if x].__len__())


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
try:
    if BadBool():
        pass
except TypeError as e:
    print("TypeError:", e)


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 5


print(bool(Both()), len(Both()))

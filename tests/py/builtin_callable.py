class C:
    def __call__(self):
        return 1
    def m(self):
        pass
class D:
    pass
print(callable(len), callable(C), callable(C()), callable(D()), callable(C().m), callable(lambda: 0), callable(1), callable("s"), callable(None))
print(callable(str.upper), callable("".upper), callable(int), callable(type), callable(print))
try:
    callable()
except TypeError as e:
    print("TypeError", e)

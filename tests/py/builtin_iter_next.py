it = iter([1, 2])
print(next(it), next(it), next(it, None), type(iter("")).__name__, type(iter(())).__name__, type(iter({})).__name__)
print(type(iter(range(3))).__name__, type(iter({1})).__name__, type(iter(b"")).__name__, type(iter({}.items())).__name__)
n = 0
def counter():
    global n
    n += 1
    return n
print(list(iter(counter, 4)))
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), next(It()), sum(It()))
class GetItem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(GetItem()), 20 in GetItem(), list(iter(GetItem())))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
for bad in [lambda: iter(5), lambda: next([1]), lambda: iter(5, 1), lambda: next(), lambda: iter(), lambda: next(5)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

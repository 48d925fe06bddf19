class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(3)))
for i in Countdown(2):
    print("tick", i)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1


r = Range2(4)
print(list(r), list(r), sum(r), [x * x for x in r])
print(dict(zip(Range2(3), "abc")), sorted(Range2(3), reverse=True))
a, b, c = Range2(3)
print(a, b, c)
print(max(Range2(5)), min(Range2(5)), 3 in Range2(5), 9 in Range2(5))


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)


class Both:
    def __init__(self):
        self.items = [1, 2]

    def __iter__(self):
        return iter(self.items)


print(list(Both()), tuple(Both()), set(Both()) == {1, 2})

# slice objects and indices()
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), slice(-1, None, -1))
print(s.indices(5), s.indices(20), slice(None).indices(7), slice(None, None, -1).indices(7), slice(-3, -1).indices(10))
print(slice(-100, 100).indices(5), slice(100, -100, -1).indices(5), slice(2, 1).indices(5), slice(0, 10, 3).indices(0))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
print([0, 1, 2, 3, 4, 5][slice(1, None, 2)], "abcdef"[slice(None, None, -2)], (1, 2, 3)[slice(-2, None)])
class I:
    def __index__(self):
        return 2
print([0, 1, 2, 3][I():], slice(I(), None).indices(5), list(range(10))[slice(I(), 8, I())])
for bad in [lambda: s.indices(-1), lambda: slice(0, 1, 0).indices(5), lambda: slice(1.5, 2).indices(5), lambda: slice(), lambda: hash(s) if False else s.indices()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(5))), list(reversed(range(1, 10, 4))))
print(list(reversed({"a": 1, "b": 2})), list(reversed(b"xy")), list(reversed([])), type(reversed([])).__name__)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Seq())), list(reversed(Rev())))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
for bad in [lambda: reversed(5), lambda: reversed({1, 2}), lambda: reversed(iter([1])), lambda: reversed(), lambda: reversed(x for x in [])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

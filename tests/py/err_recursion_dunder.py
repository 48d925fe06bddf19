class Loop:
    def __eq__(self, other):
        return self == other


try:
    Loop() == Loop()
except RecursionError as e:
    print("eq RecursionError")


class R:
    def __repr__(self):
        return repr(self)


try:
    repr(R())
except RecursionError as e:
    print("repr RecursionError")


def bad_key(x):
    return sorted([1, 2], key=bad_key)


try:
    sorted([3, 1], key=bad_key)
except RecursionError as e:
    print("key RecursionError")


class Deep:
    def __getattr__(self, name):
        return getattr(self, "x" + name)


try:
    Deep().a
except RecursionError as e:
    print("getattr RecursionError")


class H:
    def __hash__(self):
        return hash(H())


try:
    {H(): 1}
except RecursionError:
    print("hash RecursionError")


class Len:
    def __len__(self):
        return len(self)


try:
    len(Len())
except RecursionError:
    print("len RecursionError")


def via_map(n):
    return list(map(via_map, [n]))


try:
    via_map(1)
except RecursionError:
    print("map RecursionError")
print("alive")


Loop() == Loop()

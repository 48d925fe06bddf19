print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(2**64), hash(-(2**64)), hash(10**30))
print(hash(1.0), hash(1.5), hash(-0.5), hash(0.0) == hash(-0.0), hash(1e300), hash(float("inf")), hash(float("-inf")))
print(hash(True), hash(False), hash((1, 2)), hash((1, (2, 3))), hash(()), hash((None,)) == hash((None,)))
print(hash(frozenset({1, 2})), hash(frozenset()), hash(range(3)) == hash(range(3)))
class H:
    def __hash__(self):
        return 42
class E:
    def __eq__(self, other):
        return True
print(hash(H()), {H(): 1}[list({H(): 1})[0]] if False else hash(H()) == 42)
for bad in [lambda: hash([]), lambda: hash({}), lambda: hash(set()), lambda: hash(E()), lambda: hash((1, [])), lambda: hash(bytearray())]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

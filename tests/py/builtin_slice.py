# slice() objects applied to sequences
seq = list(range(10))
for sl in [slice(3), slice(2, 8), slice(2, 8, 3), slice(None, None, -1), slice(-3, None), slice(8, 2, -2), slice(100, 200), slice(-100, 2)]:
    print(sl, seq[sl], "abcdefghij"[sl], tuple(seq)[sl], range(10)[sl], b"0123456789"[sl])
s = slice(1, 5, 2)
print(s.start, s.stop, s.step, s.indices(3), s == slice(1, 5, 2), s != slice(1, 5), type(s).__name__, repr(slice("a", [1], None)))
try:
    hash(s)
except TypeError as e:
    print("TypeError", e)
try:
    slice(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)

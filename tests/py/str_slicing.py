# indexing and slicing, ASCII and non-ASCII
s = "hello, wörld! 😀"
print(len(s), s[0], s[-1], s[7], s[8], s[-2], s[3:9], s[::2], s[::-1], s[-5:], s[:100], s[100:], s[5:2], s[5:2:-1])
print(s[1:-1:3], s[slice(2, 6)], s[slice(None, None, -2)], repr(s[15:15]))
a = "abcdefghij"
print(a[2:8:2], a[8:2:-2], a[-3:-1], a[::-3], a[-100:3], a[3:-100:-1], a[0:0])
for i in range(-3, 3):
    print(i, a[i], end=" ")
print()
print([c for c in "añb"], list(reversed("añb")), "".join(sorted("dcba")), "x" in "xyz", "yz" in "xyz", "" in "a", "ñ" in "añb")
for bad in [lambda: a[10], lambda: a[-11], lambda: a["1"], lambda: a[1.0], lambda: a[::0], lambda: a.__setitem__(0, "x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    a[0] = "z"
except TypeError as e:
    print("TypeError", e)

s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], s[::-3], s[-1:-4:-1])
t = tuple(s)
print(t[1:4], t[::-2])
text = "hello world"
print(text[::-1], text[6:], text[:-6], text[::3], text[-5::2])
print(b"abcdef"[1:4], b"abcdef"[::-2])
print(range(10)[2:8:3], list(range(10)[::-4]))
i, j, k = 1, 8, 2
print(s[i:j:k], s[slice(2, 4)], s[slice(None, None, -5)])
sl = slice(1, 10, 3)
print(sl.start, sl.stop, sl.step, sl, sl.indices(5))
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s["a":]
except TypeError as e:
    print("TypeError:", e)


class Show:
    def __getitem__(self, k):
        return k


sh = Show()
print(sh[1:2], sh[::3], sh[1:2, 3], sh[...], sh[:, 1], sh[()])

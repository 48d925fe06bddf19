# slicing and slice assignment
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[::-1], a[-3:], a[-3:-1], a[8:2:-2], a[100:], a[-100:2], a[5:2])
b = a[:]; b[2:5] = ["x"]; print(b)
b = a[:]; b[2:2] = [7, 7]; print(b)
b = a[:]; b[::2] = "abcde"; print(b)
b = a[:]; b[::-3] = [0, 0, 0, 0]; print(b)
b = a[:]; del b[::3]; print(b)
b = a[:]; del b[2:]; print(b)
b = a[:]; b[:] = (); print(b)
b = a[:]; b[-1:] = range(3); print(b)
b = a[:]; b[5:100] = [1]; print(b)
b = a[:]; del b[1], b[-1]; print(b)
b = a[:]; b[1:3] = b; print(b)
print(a[slice(1, 4)], a[slice(None)], a[slice(-2, None, None)])
for bad in [lambda: a.__setitem__(slice(0, 6, 2), [1]), lambda: a[::0], lambda: a.__setitem__(slice(0, 2), 5), lambda: a[1.5],
            lambda: a["1"], lambda: a[10], lambda: a.__setitem__(10, 1), lambda: a.__delitem__(10)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

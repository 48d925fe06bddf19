values = [1, "s", None, [1], (1,), {"a": 1}, 2.5, True]
for v in values:
    try:
        v()
    except TypeError as e:
        print("TypeError:", e)


class C:
    attr = 5


try:
    C().attr()
except TypeError as e:
    print("TypeError:", e)
try:
    C()()
except TypeError as e:
    print("TypeError:", e)
x = None
x(1, 2)

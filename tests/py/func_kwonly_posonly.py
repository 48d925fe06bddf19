def kwonly(a, *, b, c=3):
    return a, b, c


print(kwonly(1, b=2), kwonly(1, c=0, b=2))


def posonly(a, b, /, c, d=4):
    return a, b, c, d


print(posonly(1, 2, 3), posonly(1, 2, c=3), posonly(1, 2, 3, d=5))


def both(a, /, b, *, c):
    return a, b, c


print(both(1, 2, c=3), both(1, b=2, c=3))


def posonly_kwargs(a, /, **kw):
    return a, kw


print(posonly_kwargs(1, a=2))
for call in [
    lambda: kwonly(1, 2),
    lambda: kwonly(1),
    lambda: posonly(1, b=2, c=3),
    lambda: posonly(a=1, b=2, c=3),
    lambda: both(1, 2, 3),
    lambda: both(1, 2),
    lambda: both(1, c=2),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

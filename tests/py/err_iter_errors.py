for src in [5, None, 3.5, True]:
    try:
        for _ in src:
            pass
    except TypeError as e:
        print("TypeError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {*None}
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    list(7)
except TypeError as e:
    print("TypeError:", e)
x, *y = None

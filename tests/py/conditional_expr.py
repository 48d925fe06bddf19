def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"


print([sign(v) for v in (-2, 0, 3)])
x = 10
y = x * 2 if x > 5 else x / 2
print(y, (lambda: 1 if False else 2)())
print("yes" if [] else "no", "yes" if [0] else "no")
print(1 and 2, 0 and 2, 0 or 3, "" or [] or "last", None or 0)
print(not None, not 1, [] and [1], [1] and [] or "fallback")


def noisy(v):
    print("noisy", v)
    return v


print(noisy(0) and noisy(1), noisy(1) or noisy(2))
print(noisy(True) if noisy(False) else noisy("else"))

def delegating(src):
    yield "start"
    yield from src


print(list(delegating([1, 2])))
g = delegating(42)
print(next(g))
next(g)

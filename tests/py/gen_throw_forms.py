def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)


g = catcher()
next(g)
g.throw(ValueError)
g.throw(ValueError("instance"))
g.throw(KeyError, "as value")
g.throw(TypeError, ("a", "b"))
g.throw(IndexError, IndexError("same type instance"))
for bad in [lambda: g.throw(5), lambda: g.throw(ValueError("x"), "extra"), lambda: g.throw(object)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
g.close()
try:
    g.throw(ValueError("after close"))
except ValueError as e:
    print("raised directly:", e)

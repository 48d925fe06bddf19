class P:
    kind = "p"

    def __init__(self):
        self.a = 1
        self.b = 2


p = P()
print(p.__dict__, vars(p))
p.__dict__["c"] = 3
print(p.c)
print(sorted(k for k in P.__dict__ if not k.startswith("__")))
print(P.__dict__["kind"])
print(p.__class__ is P, p.__class__.__name__)
print(type(p).kind)

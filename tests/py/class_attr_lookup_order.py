class A:
    x = "A.x"
    y = "A.y"

    def who(self):
        return "A.who"


class B(A):
    x = "B.x"

    def who(self):
        return "B.who/" + super().who()


b = B()
print(b.x, b.y, b.who())
b.x = "instance x"
print(b.x, B.x, A.x)
del b.x
print(b.x)
b.who = lambda: "instance who"
print(b.who(), B.who(b))
del b.who
print(b.who())
A.y = "changed A.y"
print(b.y)
B.y = "B.y now"
print(b.y, A.y)
print([k for k in ("x", "y", "who") if k in B.__dict__])

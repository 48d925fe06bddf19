def greet(name: str, times: int = 1, *args: str, flag: bool = False, **kw: int) -> str:
    return name * times


print(greet("ab", 2))
x: int = 5
y: list
print(x)


class Point:
    x: float
    y: float = 0.0

    def norm(self) -> float:
        return self.y


print(Point().norm(), Point.y)
try:
    print(y)
except NameError as e:
    print("NameError:", e)
lam = lambda a, b=2: a + b
print(lam(1))

print(format(3.14159, ".2f"), format(42), format(42, "b"), format("x", "^5"), format(None), format([1, 2]), format(True), format(1.5))
class F:
    def __format__(self, spec):
        return "F(" + spec + ")"
class G:
    def __str__(self):
        return "G!"
print(format(F(), "abc"), f"{F():xyz}", "{:q}".format(F()), format(G()), f"{G()}", f"{G()!s:>4}")
for bad in [lambda: format(G(), "x"), lambda: format(None, "d"), lambda: format([], ">3"), lambda: format(1, 2), lambda: format()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Bad:
    def __format__(self, spec):
        return 5
try:
    format(Bad())
except TypeError as e:
    print("TypeError", e)

print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(-2**100), abs(True), abs(False), abs(-9223372036854775808))
class A:
    def __abs__(self):
        return "absolute"
print(abs(A()), abs(float("-inf")), abs(float("nan")))
for bad in [lambda: abs("x"), lambda: abs(None), lambda: abs([]), lambda: abs(), lambda: abs(1, 2)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

# round() on ints and bools; __round__ on user types
for v in [0, 5, 15, 25, 35, -15, -25, 1234567, 10**20 + 5, -(10**20) - 50]:
    print(v, round(v), round(v, -1), round(v, -2), round(v, 3), round(v, -30))
print(round(True), round(False, 2), type(round(5, 2)).__name__, type(round(True)).__name__, round(5, None))
class Money:
    def __init__(self, c):
        self.c = c
    def __round__(self, nd=None):
        return ("rounded", nd)
print(round(Money(1)), round(Money(1), 2))
try:
    round(1, 1.5)
except TypeError as e:
    print("TypeError", e)

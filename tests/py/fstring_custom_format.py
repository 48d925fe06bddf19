class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __str__(self):
        return "Money"

    def __repr__(self):
        return "Money(...)"


m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:.1f}", f"{m!s}", f"{m!r}")
print(format(m, "short"), "{:short}".format(m), "{0!r:>12}".format(m))


class Plain:
    def __str__(self):
        return "plain"


print(f"{Plain()}", f"{Plain()!s:>7}")
try:
    f"{Plain():>7}"
except TypeError as e:
    print("TypeError:", e)


class BadFormat:
    def __format__(self, spec):
        return 1


try:
    f"{BadFormat()}"
except TypeError as e:
    print("TypeError:", e)
try:
    f"{42:q}"
except ValueError as e:
    print("ValueError:", e)

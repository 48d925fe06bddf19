class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __add__(self, other):
        if other == 0:
            return self
        return Money(self.cents + other.cents)

    __radd__ = __add__

    def __mul__(self, k):
        return Money(self.cents * k)

    def __rmul__(self, k):
        return Money(self.cents * k)

    def __neg__(self):
        return Money(-self.cents)

    def __bool__(self):
        return self.cents != 0

    def __int__(self):
        return self.cents

    def __float__(self):
        return self.cents / 100

    def __index__(self):
        return self.cents


wallet = [Money(5), Money(250), Money(45)]
print(sum(wallet), sorted(wallet), max(wallet), min(wallet))
print(Money(3) * 2, 2 * Money(3), -Money(1), bool(Money(0)), bool(Money(1)))
print(int(Money(42)), float(Money(150)), [0, 1, 2, 3][Money(2)], bin(Money(5)), hex(Money(255)))
print(Money(1) in wallet, Money(5) in wallet, wallet.index(Money(45)), wallet.count(Money(5)))
print(len({Money(1), Money(1), Money(2)}), {Money(1): "a"}[Money(1)])
print(Money(1) == Money(1), Money(1) != Money(2), Money(1) == 1)
print(list(range(Money(3))), "ab" * Money(2))

# int <-> str conversion with bases
print(int("42"), int("-42"), int("  +7  "), int("1_000_000"), int("0"), int("000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Z", 36), int("10", 2), int("777", 8), int("-0x_1f", 16))
print(int("12", base=3), int(b"42"), int(bytearray(b"17")), int(b"ff", 16))
print(int(3.99), int(-3.99), int(True), int(), int(1e20))
print(bin(10), oct(64), hex(255), hex(-255), bin(0), bin(-5), hex(2**70))
print(str(-0), str(123), repr(-456))
print(format(255, "x"), format(255, "#X"), format(8, "o"), format(5, "b"), format(5, "08b"))
print(int("٣"), int("１２"))
for text, base in [("12a", 10), ("", 10), ("0x", 16), ("1__0", 10), ("_1", 10), ("1_", 10),
                   ("010", 0), ("9", 8), ("2", 2), (" ", 10), ("1.5", 10), ("0b2", 0), ("abc", 37)]:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: int([1]), lambda: int(None), lambda: int(1.5, 10), lambda: int("1", 1),
            lambda: int(float("nan")), lambda: int(float("inf")), lambda: int("1", base="2")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 3
class HasInt:
    def __int__(self):
        return 9
print(int(HasInt()), bin(Idx()), hex(Idx()), oct(Idx()))

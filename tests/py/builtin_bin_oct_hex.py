for v in [0, 1, -1, 255, -256, 2**64, -(2**70), True]:
    print(bin(v), oct(v), hex(v))
class I:
    def __index__(self):
        return 10
print(bin(I()), oct(I()), hex(I()))
for bad in [lambda: bin(1.5), lambda: hex("1"), lambda: oct(None), lambda: bin()]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

# bit_length, bit_count, bitwise ops
for v in [0, 1, 2, 3, 7, 8, 255, 256, -1, -8, -255, 2**63, 2**100, -(2**100)]:
    print(v, v.bit_length(), v.bit_count())
print((True).bit_length(), (10).conjugate(), (5).numerator, (5).denominator, (5).real, (5).imag)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110, ~0b1010)
print(1 << 62, 1 << 63, 1 << 64, 3 << 100 >> 100)
print(-1 << 3, -16 >> 2, 5 >> 10, -5 >> 10)
print(True & 1, True | 2, True ^ True, ~True, -True)
print((12).__index__(), int.__index__(7))
for bad in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 1.0 << 1, lambda: 1 & 1.5, lambda: ~1.5]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

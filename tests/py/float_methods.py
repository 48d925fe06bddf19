# float methods and attributes
print((2.0).is_integer(), (2.5).is_integer(), float("inf").is_integer())
print((0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (3.0).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.0).hex(), (0.5).hex(), (-0.1).hex(), (0.0).hex(), float("inf").hex(), (1e-320).hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x10"), float.fromhex("inf"))
print((2.5).real, (2.5).imag, (2.5).conjugate(), (1.9).__int__(), (1.5).__float__())
print(hash(1.0) == hash(1), hash(0.5), hash(-0.5), hash(1e100) == hash(int(1e100)), hash(float("inf")))
print(float.__add__(1.0, 2.0) if hasattr(float, "__add__") else 3.0)
for bad in [lambda: float("nan").as_integer_ratio(), lambda: float("inf").as_integer_ratio(), lambda: float.fromhex("xyz")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

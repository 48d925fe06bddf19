items = {"apple": 1.5, "banana": 0.25}
for name, price in items.items():
    print(f"{name:<10}|{price:>8.2f}|{'cheap' if price < 1 else 'dear':^7}|")
width = 12
print(f"{'centered':^{width}}|{'right':>{width // 2}}|")
print(f"{f'{1 + 1}'}", f"{'{'}{'}'}")
data = [1, 2, 3]
print(f"{sum(data) / len(data):.3f} {data!r:>12} {len(data):03d}")
print(f"{'nested ' + f'{data[0]:+d}'}")
value = 255
print(f"{value:#06x} {value:08b} {value:,} {value:e}")
print(f"{3.14159:{'.'}{2}f}")
name = "x"
print(f"{name!r:^9}", f"{name=:>4}", f"{value = :#x}")

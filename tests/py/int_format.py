# format() and f-strings with integers
n = 1234567
print(f"{n:,}", f"{n:_}", f"{n:10}", f"{n:<10}|", f"{n:^11}|", f"{n:>10}")
print(f"{n:+}", f"{-n:+}", f"{n: }", f"{-n: }", f"{n:010}", f"{-n:010}")
print(f"{n:010,}", f"{n:012_}", f"{-n:=12}", f"{n:*^15}", f"{n:x}", f"{n:#x}", f"{n:#o}", f"{n:#b}")
print(f"{n:_x}", f"{n:_b}", f"{0xdeadbeef:#_X}", f"{-255:#x}", f"{255:#010x}")
print(f"{65:c}", f"{0x263A:c}", f"{n:n}", f"{n:d}", f"{n:e}", f"{n:.2f}", f"{n:%}", f"{n:g}")
print(format(10**20, ","), format(-10**20, "_"), format(0, "+"), format(True, "d"), format(True))
print("{:5d}|{:<5d}|{:^5d}|{:>5d}".format(1, 2, 3, 4))
print(f"{42:#}", f"{42:=+6}", f"{7:03}", f"{-7:03}", f"{7:0=3}", f"{7:x<3}")
for spec in [".2", "z", "s", ",x", "abc", "=s"]:
    try:
        print(spec, format(5, spec))
    except ValueError as e:
        print("ValueError", e)
try:
    print(f"{1234:,c}")
except ValueError as e:
    print("ValueError", e)

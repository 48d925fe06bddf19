# 'e' and 'E' presentation
for v in [0.0, 1.0, 12345.6789, 0.000123, -9.99e-10, 1e100, 5e-324, 1.7976931348623157e308]:
    print(f"{v:e}", f"{v:.2e}", f"{v:.0e}", f"{v:#.0e}", f"{v:E}", f"{v:+.3e}", f"{v:15.3e}|")
print(f"{float('inf'):e}", f"{float('nan'):E}", f"{1234.5:_e}")
print("%e %E %.2e %10.1e|%-12.3E|" % (1.5, 2.5, 31415.9, 0.001, 42.0))
print(format(12345, "e"), format(-12345, ".3E"))

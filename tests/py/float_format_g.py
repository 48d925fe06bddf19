# 'g', 'G', 'n' and no presentation type
vals = [0.0, 1.0, 0.5, 100.0, 123456.0, 1234567.0, 0.0001, 0.00001, 1.5e-10, 1e16, 3.14159265358979, -2.5, 1e100]
for v in vals:
    print(f"{v:g}|{v:.3g}|{v:#g}|{v:.10g}|{v:G}|{v:n}|{v:.2}|{v:10.4}|{v:#.3}|{v:.0g}")
print(f"{float('inf'):g}", f"{float('-inf'):G}", f"{float('nan'):g}")
print(format(1e15, ""), format(1e16, ""), format(1.0, ".1"), format(10.0, ".1"), format(123.0, ".2"))
print("%g %G %.3g %#g %10.2g|" % (0.00001234, 1e20, 3.14159, 2.0, 1234.5))
print(f"{1234567.0:,g}", f"{1234567.0:,.10g}", f"{1e6:g}", f"{1e5:g}")
print(f"{0.1:}", f"{1e-5:}", f"{123.0:}")

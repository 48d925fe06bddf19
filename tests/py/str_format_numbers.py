# str.format with numbers and nested specs
data = [("apples", 3, 1.5), ("kiwis", 12, 0.25), ("watermelons", 1, 3.999)]
for name, qty, price in data:
    print("{:<12}|{:>4}|{:8.2f}|{:>9.1%}".format(name, qty, price, price / 10))
print("{0:b} {0:o} {0:x} {0:#X} {0:,} {0:_}".format(1234567), "{:+.3e}".format(-0.000123), "{:g}".format(1e-7))
print("{:{fill}{align}{width}}".format("mid", fill="*", align="^", width=9), "{:.{}f}".format(3.14159, 2), "{:>{}}".format(7, 4))
print("{0[0]:>5}{0[1]:>5}".format([1, 22]), "{p.real:+.1f}".format(p=2.5), "{:c}{:c}".format(72, 105), "{!r:>8}".format("q"))
print("{:08.3f}".format(-3.14159), "{:=+8.2f}".format(2.5), "{:^+9.2f}|".format(2.5), "{:x<8.2f}".format(0.5))

# '%' presentation, alignment, sign, fill
print(f"{0.25:%}", f"{0.25:.0%}", f"{0.123456:.2%}", f"{-0.5:+.1%}", f"{1.0:10.1%}|", f"{0.5:<8.0%}|")
print(f"{2.5:*^12.2f}", f"{2.5:*<12}", f"{2.5:*>12}", f"{-2.5:*=12}", f"{2.5:=12}")
print(f"{3.0:+}", f"{-3.0: }", f"{3.0: }", f"{3.0:08}", f"{-3.0:08}", f"{3.0:#}")
print(f"{1e6:,}", f"{1234.5:,}", f"{1234567.125:_}", f"{-0.0:+}", f"{0.0:-}")
print(f"{float('inf'):08}", f"{float('nan'):+08}", f"{float('inf'):*^9}")
print(format(0.1, "z.1f") if False else format(-0.0, ".1f"))
for spec in ["d", "x", "c", "b", ",d", "abc", ".2s"]:
    try:
        print(spec, format(1.5, spec))
    except ValueError as e:
        print("ValueError", e)

name = "Ada"
n = 42
pi = 3.14159265
print(f"Hello {name}! {n} {pi}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:x}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:.0%} {1234567.891:,.2f} {0.5:g}")
print(f"{n:b} {n:o} {n:x} {n:X} {n:#x} {n:#b} {255:_x} {10**6:_}")
print(f"{name:>8} {name:*^9} {name!r:>8} {name:.2}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|{name:{'>'}{width}}|{n:{width}d}")
print(f"{'nested ' + name.upper()}")
print(f"{n!r} {name!s} {name!a} {'é'!a}")
print(f"{n=} {pi=:.2f} {name=!s} {n + 1 = }")
print(f"{{literal}} {{{n}}}")
print(f"{[1, 2][0]} {dict(a=1)['a']} {(lambda: 'lam')()}")
print(f"{3 if n > 10 else 4} {n * 2:>6}")
items = ["x", "y"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{True} {None} {b'by'} {1.0} {1e20} {-0.0}")
print(f"{n:,} {1234.5:>12,.1f}")
print(f'{"quoted"}' f"{'single'}" "plain")
print(f"""{
    n
}""")
print(f"{n:{'x' if n else 'd'}}")

import math
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30), len(str(math.factorial(100))))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, 5), math.gcd(), math.gcd(12, 18, 8), math.gcd(2**100, 6**50))
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(), math.lcm(3, 4, 5), math.lcm(-4, 6), math.lcm(2**64, 3))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(20, 20))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(2**100), math.isqrt(10**40 + 1), math.isqrt(True))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod([2.5, 2]), math.prod([2, 3], start=10), math.prod([[1]], start=2) if False else 0)
for bad in [lambda: math.factorial(-1), lambda: math.factorial(1.5), lambda: math.gcd(1.5, 2), lambda: math.comb(-1, 2), lambda: math.comb(5, -1),
            lambda: math.perm(1.0, 1), lambda: math.isqrt(-1), lambda: math.isqrt(2.0), lambda: math.lcm("a"), lambda: math.factorial("3")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

import math
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.log(1, 1), lambda: math.log(10, 0), lambda: math.log10(-5),
            lambda: math.log2(0), lambda: math.exp(1000), lambda: math.pow(10, 400), lambda: math.pow(0, -1), lambda: math.pow(-8, 1/3),
            lambda: math.fmod(1, 0), lambda: math.fmod(math.inf, 1), lambda: math.ldexp(1, 10000), lambda: math.floor(math.inf),
            lambda: math.ceil(math.nan), lambda: math.trunc("x"), lambda: math.sqrt("4"), lambda: math.sqrt(), lambda: math.sqrt(1, 2),
            lambda: math.floor(None), lambda: math.log(), lambda: math.sqrt(10**400), lambda: math.frexp("x"), lambda: math.copysign(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(math.log(0.0 + 1e-320) < -700, math.exp(-1000), math.sqrt(math.inf), math.log(math.inf), math.fmod(1, math.inf))
math.nope

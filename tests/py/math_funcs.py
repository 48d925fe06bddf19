import math
print(math.sqrt(2), math.sqrt(0), math.sqrt(4), math.sqrt(1e308), math.sqrt(True), math.sqrt(2**100))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.pow(0, 0), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(710) if False else math.exp(700), math.expm1(1e-10), math.log1p(1e-10))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1), math.log(2**1000), math.log10(1000), math.log2(1024), math.log2(3))
print(math.log(10**400, 10), math.log10(10**400), math.log2(2**2000))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7), math.floor(5), math.ceil(2**70))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-0.5), math.floor(True))
print(math.fabs(-3), math.fabs(2.5), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2))
print(math.modf(3.25), math.modf(-3.25), math.modf(5), math.frexp(8), math.frexp(0.3), math.frexp(0), math.frexp(-1e-300))
print(math.ldexp(0.5, 4), math.ldexp(3, -2), math.ldexp(1, 1023), math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(1, math.nan) > 0)
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(1), math.isnan(float("nan")))
print(math.hypot(3, 4), math.hypot(1, 1, 1), math.hypot(), math.hypot(-5), math.dist((0, 0), (3, 4)) if hasattr(math, "dist") else 5.0)
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))
class Fl:
    def __float__(self):
        return 4.0
class Fo:
    def __floor__(self):
        return "floored"
    def __ceil__(self):
        return "ceiled"
print(math.sqrt(Fl()), math.floor(Fo()), math.ceil(Fo()))

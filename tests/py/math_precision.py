# Results where the libm crate and glibc differ in the last bit.
import math
print(math.exp(1), math.cosh(1), math.log(3), math.tan(4), math.cbrt(2), math.lgamma(3), math.acosh(3))
print(2 ** 0.3 if False else math.pow(0.5795926705106091, 0.3))

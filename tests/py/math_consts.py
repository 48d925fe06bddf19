import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__, math.isnan(math.nan))
print(repr(math.pi), math.pi == 3.141592653589793, math.tau == 2 * math.pi, math.e ** 1)
from math import pi, sqrt
print(pi, sqrt(16))
print(math.__name__, type(math).__name__)

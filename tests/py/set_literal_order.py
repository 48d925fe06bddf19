# A display of three or more constants is folded into a frozenset
# constant, rebuilt in its iteration order: that shows in the order of
# colliding integers.
print({5, 20, 100}, {100, 20, 5}, {8, 16, 24, 1})
x = 5
print({x, 20, 100})

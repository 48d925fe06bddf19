# Found by the `vm` fuzz target: a tuple nested a hundred thousand deep,
# printed. Printing and comparing containers nested deeper than the native
# stack allows raise RecursionError; the VM stays usable. (Hashing
# such a tuple raises RecursionError too, where CPython's C stack may reach
# the bottom: see docs/DIFFERENCES.md.)
data = [1, 5, 2, 8, 3]
depth = 0
while depth < 100000:
    data = (data[0:],)
    depth += 1
try:
    print(data)
except RecursionError as e:
    print("print:", type(e).__name__, e)
try:
    repr([data])
except RecursionError as e:
    print("repr:", type(e).__name__, e)
other = [1, 5, 2, 8, 3]
for _ in range(100000):
    other = (other[0:],)
try:
    print(data == other)
except RecursionError as e:
    print("compare:", type(e).__name__)
print("still works:", repr((((1,),),)))

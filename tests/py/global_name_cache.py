# Global and builtin lookups stay right when the globals change under a
# running loop: shadowing a builtin, deleting and re-adding names, writes
# through globals(), and module-level names read from functions.
def use_len(xs):
    return len(xs)


results = []
for round_ in range(4):
    if round_ == 1:
        def len(xs):
            return -1
    if round_ == 2:
        del len
    if round_ == 3:
        globals()["len"] = lambda xs: 99
    results.append(use_len([1, 2, 3]))
print(results)

counter = 0
for _ in range(5):
    counter += 1
del counter
try:
    counter += 1
except NameError as e:
    print("NameError:", e)
counter = 10
for _ in range(3):
    counter += 1
print(counter)

names = {}
for i in range(20):
    globals()["g%d" % i] = i
for i in range(0, 20, 2):
    del globals()["g%d" % i]
print(g1, g3, g19)
total = 0
for _ in range(3):
    total += g1 + g19
print(total)


def read_global():
    return marker


marker = "first"
seen = [read_global()]
marker = "second"
seen.append(read_global())
del marker
try:
    read_global()
except NameError as e:
    seen.append(str(e))
print(seen)

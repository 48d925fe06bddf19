counter = 0
names = []


def bump():
    global counter
    counter += 1
    return counter


def define_new():
    global brand_new
    brand_new = "created"


def read_only():
    return counter * 10


bump()
bump()
define_new()
print(counter, brand_new, read_only())


def shadow_then_global():
    names.append("mutated without global")
    local = counter + 1
    return local


print(shadow_then_global(), names)


def inner_global():
    def f():
        global counter
        counter = 100
    f()


inner_global()
print(counter)


def del_global():
    global brand_new
    del brand_new


del_global()
try:
    brand_new
except NameError as e:
    print("NameError:", e)


class K:
    global counter
    counter = -1


print(counter)

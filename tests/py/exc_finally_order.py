log = []


def step(name):
    log.append(name)


def inner():
    try:
        step("inner try")
        raise ValueError("v")
    except ValueError:
        step("inner except")
        raise TypeError("t")
    finally:
        step("inner finally")


def outer():
    try:
        inner()
    except TypeError as e:
        step("outer except " + str(e) + " ctx " + str(e.__context__))
    else:
        step("outer else")
    finally:
        step("outer finally")


outer()
print("\n".join(log))


def gen_cleanup():
    try:
        yield 1
    finally:
        print("gen finally")


for v in gen_cleanup():
    print("got", v)

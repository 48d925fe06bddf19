count = 0


def increment():
    count += 1


def read_before_assign():
    print(total)
    total = 5


def conditional(flag):
    if flag:
        value = 1
    return value


print(conditional(True))
for fn in (increment, read_before_assign, lambda: conditional(False)):
    try:
        fn()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e, isinstance(e, NameError))
increment()

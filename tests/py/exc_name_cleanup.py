e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    print("in handler", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)


def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    try:
        return exc
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err), type(saved).__name__


print(f())


def keep():
    caught = None
    try:
        raise KeyError("k")
    except KeyError as e2:
        caught = e2
    return repr(caught)


print(keep())

def f():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")


try:
    f()
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))


def g():
    try:
        return "try value"
    finally:
        print("finally sees return pending")


print(g())


def h():
    for i in range(3):
        try:
            if i == 1:
                raise IndexError(i)
        except IndexError as e:
            print("handled", e)
            continue
        finally:
            print("finally", i)
    return "loop done"


print(h())


def nested_finally_order():
    order = []
    try:
        try:
            try:
                raise RuntimeError("deep")
            finally:
                order.append(1)
        finally:
            order.append(2)
    except RuntimeError:
        order.append(3)
    finally:
        order.append(4)
    return order


print(nested_finally_order())

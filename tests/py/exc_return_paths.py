def in_except():
    try:
        raise KeyError("k")
    except KeyError:
        return "returned from except"
    finally:
        print("finally runs")


print(in_except())


def except_then_else(flag):
    try:
        if flag:
            raise ValueError
    except ValueError:
        return "except"
    else:
        return "else"
    finally:
        print("finally for", flag)


print(except_then_else(True), except_then_else(False))


def loop_break_in_except():
    for i in range(5):
        try:
            raise IndexError(i)
        except IndexError as e:
            if e.args[0] == 2:
                break
    return i


print(loop_break_in_except())


def nested_returns():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(nested_returns())
import sys
print(sys.exc_info()[0])

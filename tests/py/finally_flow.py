def ret_in_try():
    try:
        return "try"
    finally:
        print("finally after return")


def ret_override():
    try:
        return "try"
    finally:
        return "finally"


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(ret_in_try(), ret_override(), swallow())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)


def loop_return():
    for i in range(3):
        try:
            try:
                if i == 2:
                    return i
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)


print(loop_return())


def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke out, exception dropped"


print(break_in_finally())


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out


print(continue_in_finally())


def nested_with_except():
    try:
        try:
            return 1 / 0
        except ZeroDivisionError:
            print("handled")
            return "from except"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(nested_with_except())


def count_finally():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                continue
            return n
        finally:
            print("tick", n)


print(count_finally())


def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)


print(return_value_evaluated_first())

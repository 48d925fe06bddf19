def level3():
    raise ValueError("deep")


def level2():
    try:
        level3()
    finally:
        print("level2 finally")


def level1():
    try:
        level2()
    except KeyError:
        print("wrong")
    except ValueError as e:
        print("level1 caught", e)
        return "handled"
    finally:
        print("level1 finally")


print(level1())


def retry(times):
    attempts = 0
    while True:
        try:
            attempts += 1
            if attempts < times:
                raise TimeoutError(f"attempt {attempts}")
            return f"ok after {attempts}"
        except TimeoutError as e:
            print("retrying after", e)
            continue
        finally:
            print("attempt done", attempts)


print(retry(3))
try:
    try:
        raise TypeError("t")
    except TypeError:
        try:
            raise ValueError("v")
        except ValueError:
            pass
        print("inner handled, still in outer handler")
        raise
except TypeError as e:
    print("outer re-raise:", e, e.__context__)
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x = 3
finally:
    x *= 10
print(x)

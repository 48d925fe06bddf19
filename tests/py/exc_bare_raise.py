def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    reraiser()
except ValueError as e:
    print("got", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)


def reraise_after_other():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise


try:
    reraise_after_other()
except KeyError as e:
    print("still first:", repr(e))


def reraise_from_function():
    def helper():
        raise
    try:
        raise IndexError("deep")
    except IndexError:
        helper()


try:
    reraise_from_function()
except IndexError as e:
    print("helper re-raised", e)


def handled_restored():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        return "restored"


print(handled_restored())
try:
    raise
except RuntimeError as e:
    print("after handler:", e)
reraiser()

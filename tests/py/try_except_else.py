def attempt(v):
    try:
        r = 10 // v
    except ZeroDivisionError:
        print("zero")
    except (TypeError, ValueError) as e:
        print("type or value:", type(e).__name__, e)
    else:
        print("else", r)
    finally:
        print("finally", repr(v))


attempt(2)
attempt(0)
attempt("x")
try:
    int("zz")
except (KeyError, ValueError) as err:
    print("caught", type(err).__name__)
try:
    err
except NameError as e:
    print("NameError:", e)
try:
    try:
        raise IndexError("inner")
    except KeyError:
        print("wrong handler")
    finally:
        print("inner finally")
except LookupError as e:
    print("outer caught", repr(e))
try:
    raise TypeError("bare")
except:
    print("bare except")


def nested():
    try:
        try:
            raise ValueError("one")
        except ValueError:
            raise KeyError("two")
    except KeyError as e:
        return repr(e), repr(e.__context__)


print(nested())
errors = (ValueError, IndexError)
try:
    [][0]
except errors as e:
    print("via tuple variable", type(e).__name__)
try:
    try:
        pass
    except Exception:
        pass
    else:
        raise RuntimeError("from else")
except RuntimeError as e:
    print("else raised", e)
try:
    raise ValueError
except Exception as e:
    print(type(e).__name__, e.args, str(e) == "")
try:
    1 / 0
except 42:
    pass

def handler():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("handler failed")


try:
    handler()
except RuntimeError as e:
    ctx = e.__context__
    print(repr(e), repr(ctx), e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError("a")
    except ValueError as first:
        try:
            raise TypeError("b")
        except TypeError as second:
            raise IndexError("c")
except IndexError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))
try:
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e
except ValueError as e:
    print("reraise keeps context none:", e.__context__)
try:
    try:
        raise ValueError("in finally")
    finally:
        print("finally runs")
except ValueError as e:
    print(e.__context__)
e = ValueError("manual")
e.__context__ = KeyError("ctx")
print(repr(e.__context__))
e.__cause__ = None
print(e.__suppress_context__)
handler()

class LowLevel(Exception):
    pass


class HighLevel(Exception):
    pass


def load():
    try:
        raise LowLevel("disk error")
    except LowLevel as e:
        raise HighLevel("cannot load") from e


try:
    load()
except HighLevel as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise KeyError("x") from ValueError("y")
except KeyError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise KeyError from TypeError
except KeyError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise KeyError from 5
except TypeError as e:
    print("TypeError:", e)
load()

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError(f"bad input {s!r}") from e


print(parse("12"))
try:
    parse("x")
except TypeError as e:
    print(e, "<-", type(e.__cause__).__name__)


def cleanup_fails():
    try:
        raise KeyError("first")
    finally:
        raise RuntimeError("cleanup")


try:
    cleanup_fails()
except RuntimeError as e:
    print(e, "context:", repr(e.__context__))
parse("y")

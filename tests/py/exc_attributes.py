class HttpError(Exception):
    status = 500

    def __init__(self, msg, status=None):
        super().__init__(msg)
        if status is not None:
            self.status = status

    def describe(self):
        return f"{self.status}: {self.args[0]}"


try:
    raise HttpError("not found", 404)
except HttpError as e:
    print(e.describe(), e.status, HttpError.status)
err = HttpError("boom")
print(err.describe(), err.args, len(err.args))
err.args = ("changed",)
print(err, err.args)
e2 = OSError(2, "No such file")
print(e2.args)
e3 = StopIteration(5)
print(e3.value, e3.args)
e4 = SystemExit(3)
print(e4.code)
e5 = KeyError("k")
print(e5.args[0], isinstance(e5, LookupError))
print(e2.__traceback__ is None, e3.__cause__, e3.__context__)
e6 = ValueError("x")
print(e6.with_traceback(None) is e6)
ni = NotImplementedError("todo")
print(repr(ni), isinstance(ni, RuntimeError))
ae = AttributeError("attr")
print(ae, type(ae).__mro__[1].__name__)

class ValidationError(Exception):
    def __init__(self, field, problem):
        self.field = field
        self.problem = problem

    def __str__(self):
        return f"{self.field}: {self.problem}"


class Coded(Exception):
    def __init__(self, code, *rest):
        super().__init__(code, *rest)
        self.code = code

    def __repr__(self):
        return f"Coded<{self.code}>"


try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print(e, "|", e.args, "|", e.field)
c = Coded(404, "missing")
print(str(c), repr(c), c.args, c.code)
print([c], (ValidationError("f", "p"),))


class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)


print(WithDefault(), WithDefault("given"), repr(WithDefault()))


class NoArgs(Exception):
    pass


e = NoArgs()
print(repr(e), str(e), e.args, repr(NoArgs(1, 2)), str(NoArgs(1, 2)), str(NoArgs("one")))
e.extra = "attr"
print(e.extra)
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
raise ValidationError("name", "is empty")

# Bad calls to built-ins: CPython's exception types and messages.
tests = [
    lambda: len(), lambda: len(1, 2), lambda: abs("a"), lambda: sum(1), lambda: max(), lambda: min(5),
    lambda: isinstance(1), lambda: chr(), lambda: ord(), lambda: hash([]), lambda: iter(1), lambda: next(5),
    lambda: divmod(1), lambda: pow(1), lambda: round(), lambda: sorted(), lambda: reversed(1), lambda: enumerate(1),
    lambda: zip(1), lambda: map(len, 1), lambda: filter(len, 1), lambda: any(1), lambda: all(1), lambda: bin("1"),
    lambda: hex(1.0), lambda: oct([]), lambda: callable(), lambda: getattr(1), lambda: setattr(1, "a"), lambda: hasattr(1),
    lambda: format(1, 1), lambda: repr(), lambda: id(), lambda: dir(1, 2), lambda: print(sep=5), lambda: int([]),
    lambda: float({}), lambda: str(1, 2), lambda: bool(1, 2), lambda: list(1), lambda: tuple(1), lambda: dict(1),
    lambda: set(1), lambda: frozenset(1), lambda: bytes(1.5), lambda: bytearray("x"), lambda: range(1.5), lambda: slice(),
    lambda: type(1, 2), lambda: object(1), lambda: issubclass(1, int), lambda: ord("ab"), lambda: chr(-5), lambda: max([]),
    lambda: min([], key=len), lambda: int("x", 2), lambda: sum(["a"]), lambda: sorted([1, None]),
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "no error", r)
    except Exception as e:
        print(i, type(e).__name__ + ":", e)

# None, True/False, NotImplemented, Ellipsis
print(None, repr(None), type(None).__name__, None is None, None == None, None == 0, bool(None))
print(True, False, True + 1, True == 1, False == 0, True is not 1, int(True), str(False), repr(True), bool("x"), bool(""))
print(type(True).__name__, isinstance(True, int), issubclass(bool, int), True & False, True | False, True ^ True, not True)
print(bool(), bool(0), bool(0.0), bool([]), bool([0]), bool({}), bool(set()), bool(range(0)), bool(1j) if False else bool(-1))
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__, Ellipsis, ..., ... is Ellipsis, type(...).__name__)
print(hash(None) == hash(None), hash(True), hash(False), True < 2, False > -1, sorted([True, False, 0, 1]))
print(str(True).upper(), f"{True}", f"{True:d}", f"{False!r}", "%s %d" % (True, True), format(True, "^7"))
print(bool.__name__, type(bool(1)), [] == False, None or "default", 0 or None, 1 and 2, "" and 3)
class Z:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
print(bool(Z()), bool(L()), not Z(), "yes" if L() else "no")
for bad in [lambda: None + 1, lambda: None(), lambda: len(None), lambda: bool(1, 2), lambda: NoneType if False else type(None)()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

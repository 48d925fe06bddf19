log = []


class R:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter

    def __enter__(self):
        if self.fail_enter:
            raise OSError(f"cannot open {self.name}")
        log.append("open " + self.name)
        return self.name

    def __exit__(self, *exc):
        log.append("close " + self.name)
        return False


with R("a") as a, R("b") as b, R("c") as c:
    log.append(f"using {a}{b}{c}")
print(log)
log.clear()
try:
    with R("x") as x, R("y", fail_enter=True) as y:
        log.append("not reached")
except OSError as e:
    log.append(str(e))
print(log)
log.clear()


def early_return():
    with R("r1"), R("r2"):
        return "returned"


print(early_return(), log)
log.clear()
for i in range(2):
    with R(f"loop{i}"):
        if i == 0:
            continue
        break
print(log)
with (R("p1") as p1, R("p2") as p2):
    print(p1, p2)

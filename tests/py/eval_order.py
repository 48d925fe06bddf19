log = []


def t(name, value=None):
    log.append(name)
    return value if value is not None else name


def f(*args, **kwargs):
    return args, kwargs


f(t("a"), t("b"), k=t("c"), *[t("d")], **{"z": t("e")})
print(log)
log.clear()
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(log)
log.clear()
x = [0, 0]
x[t("index", 0)] = t("value", 5)
print(log, x)
log.clear()
lst = [1, 2]
lst[t("i", 1)] += t("inc", 10)
print(log, lst)
log.clear()
t("left", 1) + t("right", 2) * t("mult", 3)
print(log)
log.clear()
a = b = t("chained")
print(log, a, b)
log.clear()
result = t("cond", True) and t("then") or t("else")
print(log, result)
log.clear()
obj = type("O", (), {})()
obj.attr = t("attr-value")
print(log)

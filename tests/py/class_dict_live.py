class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Record({inner})"


r = Record(name="x", size=3)
print(r, r.name, r.size)
r.__dict__["extra"] = True
print(r.extra, vars(r) is r.__dict__)
r.size = 4
print(r.__dict__["size"])
del r.__dict__["name"]
print(hasattr(r, "name"), r)
setattr(r, "late", [1])
print(sorted(vars(r)))
for key in ("a", "b"):
    setattr(r, key, key.upper())
print(r.a + r.b, getattr(r, "zz", "none"))

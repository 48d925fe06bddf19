class Fallback:
    @property
    def broken(self):
        raise AttributeError("inner problem")

    @property
    def fine(self):
        return "fine"

    def __getattr__(self, name):
        return f"<fallback {name}>"


f = Fallback()
print(f.broken, f.fine, f.anything)


class NoFallback:
    @property
    def broken(self):
        return self.missing_attr


try:
    NoFallback().broken
except AttributeError as e:
    print("AttributeError:", e)


class Strict:
    def __getattr__(self, name):
        if name.startswith("ok_"):
            return name
        raise AttributeError(f"{type(self).__name__} has no {name!r}")


s = Strict()
print(s.ok_1, getattr(s, "bad", "default"), hasattr(s, "bad"), hasattr(s, "ok_2"))
s.bad

import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print(1, 2, sep="", end="|\n")
print("no newline", end="")
print(" continued")
print("a", "b", sep=None, end=None)
print(*[1, 2, 3], sep=", ")
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("", end="")
print(None, True, 1.5, [1, "a"], {"k": (1,)}, b"x", sep="|")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("x", 1, file=w, sep="+", end="!")
print(w.parts)
for bad in [lambda: print(sep=1), lambda: print(end=2), lambda: print(file=5), lambda: print(foo=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

def greet(name, greeting="Hello", *, punct="!"):
    return f"{greeting}, {name}{punct}"


print(greet("Ann"))
greet.__defaults__ = ("Hi",)
greet.__kwdefaults__ = {"punct": "?"}
print(greet("Bob"))
greet.__kwdefaults__ = None
try:
    greet("Cy")
except TypeError as e:
    print("TypeError:", e)
greet.__defaults__ = None
try:
    greet("Di")
except TypeError as e:
    print("TypeError:", e)
print(greet("Ed", "Yo", punct="."))

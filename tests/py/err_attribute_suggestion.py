class Shape:
    def __init__(self):
        self.radius = 2

    def perimeter(self):
        return 12


s = Shape()
try:
    s.radios
except AttributeError as e:
    print("AttributeError:", e, "|", e.name, type(e.obj).__name__)
print(s.perimetre())

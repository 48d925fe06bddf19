class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        """Degrees Celsius."""
        print("get celsius")
        return self._c

    @celsius.setter
    def celsius(self, value):
        print("set celsius", value)
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("del celsius")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    def _get_k(self):
        return self._c + 273.15

    def _set_k(self, v):
        self._c = v - 273.15

    kelvin = property(_get_k, _set_k)


t = Temperature(25)
print(t.celsius)
t.celsius = 30
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
t.kelvin = 300
print(round(t.celsius, 2), round(t.kelvin, 2))
print(type(Temperature.celsius).__name__)
print(Temperature.celsius.__doc__, Temperature.kelvin.__doc__, Temperature.fahrenheit.__doc__)
del t.celsius
print(hasattr(t, "_c"))
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
print(Temperature.celsius.fget is not None, Temperature.fahrenheit.fset)


class Sub(Temperature):
    @property
    def celsius(self):
        return "overridden"


print(Sub(1).celsius)

import helper_mod
import helper_mod as hm
from helper_mod import greet, CONSTANT as C, Shape
from helper_mod import counter_value

print(helper_mod.__name__, hm is helper_mod, C)
print(greet("world"), helper_mod.greet("again"))
print(Shape(3).area(), type(Shape(1)).__module__, Shape.__module__)
helper_mod.bump()
helper_mod.bump()
print(helper_mod.counter, counter_value, helper_mod.get_counter())
import sys
print("helper_mod" in sys.modules, sys.modules["helper_mod"] is helper_mod)
import helper_mod
print(helper_mod.LOADS)


def local_import():
    import helper_mod as inner
    from helper_mod import greet as g2
    return inner.CONSTANT, g2("local")


print(local_import())
print(helper_mod.greet.__module__, helper_mod.__file__.endswith("helper_mod.py"))
print(__name__)

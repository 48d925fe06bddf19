from helper_mod import *

print(CONSTANT, greet("star"), Shape(2).area())
try:
    _private
except NameError as e:
    print("NameError:", e)
import helper_mod
print(helper_mod._private, helper_mod.__doc__)

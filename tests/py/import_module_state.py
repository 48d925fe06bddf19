import helper_mod
from helper_mod import get_counter

helper_mod.counter = 100
print(get_counter())
helper_mod.bump()
print(helper_mod.counter, get_counter())
helper_mod.new_attr = "added"
import helper_mod as again
print(again.new_attr, again is helper_mod)
original = helper_mod.greet
helper_mod.greet = lambda who: "patched " + who
print(helper_mod.greet("x"))
helper_mod.greet = original
print(helper_mod.greet("y"))
print(sorted(n for n in dir(helper_mod) if not n.startswith("_"))[:4])

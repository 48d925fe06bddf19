from helper_all import *

print(public_one, _exported_private)
for name in ("public_two", "_hidden"):
    try:
        eval_result = globals()[name]
        print(name, "imported")
    except KeyError:
        print(name, "not imported")
import helper_all
print(helper_all.public_two, sorted(helper_all.__all__))

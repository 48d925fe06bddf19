try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    import no_such_module_here
except ImportError as e:
    print("ImportError again:", type(e).__name__)
try:
    from helper_mod import does_not_exist
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import helper_broken
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
import sys
print("helper_broken" in sys.modules)
try:
    import helper_broken
except ZeroDivisionError as e:
    print("again ZeroDivisionError:", e)
import no_such_module_either

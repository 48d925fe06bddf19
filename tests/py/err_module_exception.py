import helper_mod

try:
    raise helper_mod.HelperError("caught")
except helper_mod.HelperError as e:
    print(type(e).__name__, type(e).__module__, e)
raise helper_mod.HelperError("from a module")

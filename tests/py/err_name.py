def uses_undefined():
    return undefined_function(1)


try:
    uses_undefined()
except NameError as e:
    print("NameError:", e)
try:
    print(nope)
except NameError as e:
    print("NameError:", e)


class C:
    def m(self):
        return attr_not_global


try:
    C().m()
except NameError as e:
    print("NameError:", e)
del C
try:
    C
except NameError as e:
    print("NameError:", e)
print(undefined_at_module_level)

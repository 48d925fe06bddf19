try:
    (1).real = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    "abc".upper = None
except AttributeError as e:
    print("AttributeError:", e)
try:
    len.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().anything = 1
except AttributeError as e:
    print("AttributeError:", e)
[].append = 1

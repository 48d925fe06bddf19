class C:
    x = 1

    def __init__(self):
        self.y = 2


c = C()
try:
    c.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    C.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".nope()
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.x = 1
except TypeError as e:
    print("TypeError:", e)
import sys
try:
    sys.nothing_here
except AttributeError as e:
    print("AttributeError:", e)
c.w

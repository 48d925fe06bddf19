# B03: import a helper module frozen into the firmware
# (boards/modules/filters.py), from the main thread and from a child.
import _thread
import time

import filters
from filters import MovingAverage, mean

print(filters.__name__, filters.__file__)
average = MovingAverage(3)
print([average.add(x) for x in (3, 6, 9, 12)], mean([1, 2, 3, 4]))
result = []


def child():
    import filters as again

    result.append(again is filters)


_thread.start_new_thread(child, ())
while not result:
    time.sleep(0.01)
print("same module in the child:", result[0])
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e)

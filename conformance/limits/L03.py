# L03: starting threads while the heap is full: MemoryError (or
# RuntimeError) in the caller, nothing leaked.
import _thread
import gc
import time

# Once the heap is full the script itself must not allocate: the except
# tuple and the globals are made beforehand.
refused = (MemoryError, RuntimeError)
failures = 0
attempts = 0
hog = []
for size in (4096, 256, 16):
    try:
        while True:
            hog.append(bytearray(size))
    except MemoryError:
        pass
while attempts < 5:
    attempts += 1
    try:
        _thread.start_new_thread(time.sleep, (10,))
    except refused:
        failures += 1
hog = None
# Collection runs at safe points, not inside a failing allocation.
gc.collect()
print("start refused:", failures > 0)
_thread.start_new_thread(time.sleep, (10,))
print("start works again")

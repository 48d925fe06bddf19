import time
import sys
import _thread
from time import monotonic, sleep

t0 = monotonic()
sleep(0.01)
print(monotonic() - t0 >= 0.01, time.time() > 1.6e9)
print(type(sys.argv), sys.argv[0].endswith("imports_builtin.py"), sys.maxsize)
lock = _thread.allocate_lock()
print(lock.acquire(), lock.locked(), lock.acquire(False))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e)

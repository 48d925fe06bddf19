# L06: a wall-clock limit set by the host stops every thread, even while
# all of them sleep or wait on a lock.
import _thread
import time

lock = _thread.allocate_lock()
lock.acquire()


def waiter():
    try:
        lock.acquire()
    finally:
        print("waiter stopped")


_thread.start_new_thread(waiter, ())
try:
    time.sleep(60)
finally:
    print("main stopped")

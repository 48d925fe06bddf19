# S10: a cancelled child unwinds with SystemExit: its finally block runs and
# the lock it holds through `with` is released.
import _thread
import time

lock = _thread.allocate_lock()
entered = []


def child():
    try:
        with lock:
            entered.append(True)
            time.sleep(10)
    finally:
        print("child finally, lock held:", lock.locked())


_thread.start_new_thread(child, ())
while not entered:
    time.sleep(0.01)
print("main done, lock held:", lock.locked())

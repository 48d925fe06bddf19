# S03: a child blocks on acquire() of a lock the main thread holds; the
# script ends without releasing it.
import _thread
import time

lock = _thread.allocate_lock()
lock.acquire()


def blocked():
    lock.acquire()
    print("child got the lock")


_thread.start_new_thread(blocked, ())
time.sleep(0.05)
print("main done", lock.locked())

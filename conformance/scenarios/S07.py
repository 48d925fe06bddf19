# S07: a child raises an uncaught exception: its traceback goes to stderr,
# the main thread goes on, the child is reclaimed.
import _thread
import time


def bad():
    raise ValueError("boom")


_thread.start_new_thread(bad, ())
time.sleep(0.05)
print("main goes on")

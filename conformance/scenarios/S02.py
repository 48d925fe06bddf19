# S02: a child busy-loops without ever sleeping; the main thread must still
# get its turns, and the busy child must stop at its next bytecode boundary.
import _thread
import time

ticks = []


def spin():
    n = 0
    while True:
        n += 1


_thread.start_new_thread(spin, ())
start = time.monotonic()
time.sleep(0.1)
ticks.append(time.monotonic() - start)
print("main done", ticks[0] < 5)

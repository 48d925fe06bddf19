# L07: a wall-clock limit stops a thread busy inside a built-in: main
# drains an endless generator through sum() (the generator runs for the
# built-in, in a nested interpreter loop) while a child sleeps.
import _thread
import time


def endless():
    n = 0
    while True:
        n += 1
        yield n


def sleeper():
    try:
        time.sleep(60)
    finally:
        print("sleeper stopped")


_thread.start_new_thread(sleeper, ())
time.sleep(0.05)
try:
    sum(endless())
finally:
    print("main stopped")

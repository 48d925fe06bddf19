# S13: the main thread raises an uncaught exception while children run:
# traceback, failing exit status, every child reclaimed.
import _thread
import time


def sleeper():
    while True:
        time.sleep(10)


for i in range(3):
    _thread.start_new_thread(sleeper, ())
time.sleep(0.02)
raise RuntimeError("main failed")

# S09: the seed scenario with short ticks, run many times in one process;
# the heap, the tasks and (on embassy) the task pool must be identical after
# every run.
import _thread
import time


def child():
    while True:
        time.sleep(10)


_thread.start_new_thread(child, ())
for i in range(3):
    time.sleep(0.001)

# S01 seed: a child sleeps forever in 10 s steps; the main script ticks
# three times and ends. The child must be woken and reclaimed at once.
import _thread
import time


def child():
    while True:
        time.sleep(10)


_thread.start_new_thread(child, ())
for i in range(3):
    time.sleep(0.05)
print("main done")

# The seed scenario (THREADS.md S01): a child thread sleeps for ten seconds
# at a time, forever; the main script ticks three times and ends.
#
# In the reference interpreter the child outlives the script: its frames
# stay allocated, and it later wakes into freed memory. In emberpy the end of
# the main script cancels the child at once (its sleep is cut short), the
# child unwinds, its OS task is reaped, and `run` returns in milliseconds
# with every byte back. Run with --stats to see the figures.
import _thread
import time


def child():
    while True:
        time.sleep(10)


_thread.start_new_thread(child, ())
for i in range(3):
    print("main tick", i)
    time.sleep(0.05)
print("main done")

# L05: an instruction budget set by the host stops every thread cleanly,
# as a host stop does: finally blocks run, nothing is left behind.
import _thread
import time


def busy():
    try:
        while True:
            pass
    finally:
        print("child stopped")


_thread.start_new_thread(busy, ())
while True:
    time.sleep(0)

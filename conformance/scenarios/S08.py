# S08: a child leaves through _thread.exit(): no output, reclaimed.
import _thread
import time

after = []


def leaver():
    _thread.exit()
    after.append("unreachable")


_thread.start_new_thread(leaver, ())
time.sleep(0.05)
print("main goes on", after)

# S11: start threads until the configured maximum (8, with the main thread)
# is passed: RuntimeError in the caller, nothing leaked.
import _thread
import time


def sleeper():
    time.sleep(10)


started = 0
try:
    while True:
        _thread.start_new_thread(sleeper, ())
        started += 1
except RuntimeError as e:
    print("RuntimeError:", e)
print("started", started)

# S12: the host stops the script (Ctrl-C) while children sleep, spin and
# block: KeyboardInterrupt in the main thread, then every child is cancelled.
import _thread
import time

lock = _thread.allocate_lock()
lock.acquire()
started = []


def sleeper():
    started.append(1)
    time.sleep(10)


def spinner():
    started.append(1)
    while True:
        pass


def waiter():
    started.append(1)
    lock.acquire()


for f in (sleeper, spinner, waiter):
    _thread.start_new_thread(f, ())
while len(started) < 3:
    time.sleep(0.01)
print("ready", flush=True)
time.sleep(10)
print("not reached")

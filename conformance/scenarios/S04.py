# S04: sixteen children, a mix of sleepers, spinners and lock waiters.
import _thread
import time

lock = _thread.allocate_lock()
lock.acquire()
started = []


def sleeper(i):
    started.append(i)
    while True:
        time.sleep(10)


def spinner(i):
    started.append(i)
    while True:
        pass


def waiter(i):
    started.append(i)
    lock.acquire()


kinds = [sleeper, spinner, waiter]
for i in range(16):
    _thread.start_new_thread(kinds[i % 3], (i,))
while len(started) < 16:
    time.sleep(0.01)
print("all started", sorted(started) == list(range(16)))

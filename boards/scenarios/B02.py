# B02: sixteen Python threads asleep at once, then the script ends: every
# one is woken at once, cancelled and reclaimed (an RP2040 has 264 KiB of
# RAM for all of it).
import _thread
import time

N = 16
lock = _thread.allocate_lock()
asleep = [0]


def sleeper():
    with lock:
        asleep[0] += 1
    time.sleep(60)


for i in range(N):
    _thread.start_new_thread(sleeper, ())
while asleep[0] < N:
    time.sleep(0.01)
time.sleep(0.05)
print("asleep", asleep[0], "threads", _thread._count())

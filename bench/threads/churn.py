# Thread churn for `cargo xtask bench`'s per-backend figures: 2,000 short
# threads in waves of 20, each wave started once the previous one ended
# (embassy's task pool holds 32 tasks), timed inside the script. Earlier
# waves are reaped while later ones run; `--stats` shows every task reaped.
import _thread
import time

THREADS = 2000
WAVE = 20

count_lock = _thread.allocate_lock()
wave_done = _thread.allocate_lock()
remaining = [0]
finished = [0]


def work(i):
    with count_lock:
        finished[0] += 1
        remaining[0] -= 1
        last = remaining[0] == 0
    if last:
        wave_done.release()


start = time.perf_counter_ns()
for wave in range(THREADS // WAVE):
    remaining[0] = WAVE
    wave_done.acquire()
    for i in range(WAVE):
        _thread.start_new_thread(work, (i,))
    wave_done.acquire()
    wave_done.release()
elapsed = time.perf_counter_ns() - start
print("threads=%d elapsed_ns=%d" % (finished[0], elapsed))

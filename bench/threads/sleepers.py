# VM memory per sleeping thread for `cargo xtask bench`: the accounted heap
# (gc.mem_alloc, which counts thread states and frames) before and after
# 20 threads have entered a one-function sleep. The script then ends and
# the sleepers are cancelled.
import _thread
import gc
import time

THREADS = 20

lock = _thread.allocate_lock()
started = [0]


def sleeper():
    with lock:
        started[0] += 1
    time.sleep(10)


gc.collect()
before = gc.mem_alloc()
for i in range(THREADS):
    _thread.start_new_thread(sleeper, ())
while started[0] < THREADS:
    time.sleep(0.001)
gc.collect()
after = gc.mem_alloc()
print("threads=%d vm_bytes_per_thread=%d" % (THREADS, (after - before) // THREADS))

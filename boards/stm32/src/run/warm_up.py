# Run by the FreeRTOS firmware before the scenarios: as many threads as
# the kernel heap holds, which checks that they fit and grows
# sched-freertos's task table to its full size, so that no scenario pays
# for it. Compiled to bytecode by build.rs.
import _thread
import time


def nap():
    time.sleep(0.02)


for i in range(5):
    _thread.start_new_thread(nap, ())
time.sleep(0.05)

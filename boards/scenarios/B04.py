# B04: a Python thread reads the board's temperature sensor (`sensor`, a
# native module the firmware registers) every 10 ms while the main thread
# sleeps; the readings must be plausible for a chip's die.
import _thread
import time

import sensor
from filters import mean

N = 8
temperature = sensor.Temperature()
readings = []


def sample(n):
    for i in range(n):
        readings.append(temperature.read())
        time.sleep_ms(10)


_thread.start_new_thread(sample, (N,))
while len(readings) < N:
    time.sleep(0.05)
print("readings", len(readings), "reads", temperature.reads)
print("floats", all(type(t) is float for t in readings))
print("plausible", all(-40.0 <= t <= 125.0 for t in readings), -40.0 <= mean(readings) <= 125.0)

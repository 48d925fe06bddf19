# B01 blink: a Python thread toggles the LED pin 20 times, 10 ms apart,
# while the main thread sleeps. The board's harness (or its simulated pin
# bank) counts the pin's transitions.
import _thread
import time
from machine import Pin

led = Pin(25, Pin.OUT, value=0)
done = [False]


def blink(n):
    for i in range(n):
        led.toggle()
        time.sleep_ms(10)
    done[0] = True


_thread.start_new_thread(blink, (20,))
while not done[0]:
    time.sleep(0.05)
print("blinked, led", led.value())

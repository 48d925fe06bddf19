# S05: a child starts four grandchildren that sleep, then sleeps itself.
import _thread
import time

ready = []


def grandchild(i):
    ready.append(i)
    time.sleep(10)


def child():
    for i in range(4):
        _thread.start_new_thread(grandchild, (i,))
    ready.append("child")
    time.sleep(10)


_thread.start_new_thread(child, ())
while len(ready) < 5:
    time.sleep(0.01)
print("family ready", len(ready))

# L02: the heap runs out while growing a list and creating objects, in a
# child thread; the main thread and the VM go on.
import _thread
import time

result = []


class Node:
    def __init__(self, nxt):
        self.next = nxt


def grow():
    items = []
    try:
        while True:
            items.append([0] * 64)
    except MemoryError:
        items = None
        result.append("list")
    chain = None
    try:
        while True:
            chain = Node(chain)
    except MemoryError:
        chain = None
        result.append("objects")


_thread.start_new_thread(grow, ())
while len(result) < 2:
    time.sleep(0.01)
print("MemoryError while growing:", result)

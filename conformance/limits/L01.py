# L01: the heap runs out while building a string: MemoryError in the thread
# that caused it; the VM stays usable.
try:
    s = "x" * (1 << 40)
except MemoryError:
    print("MemoryError")
parts = []
try:
    while True:
        parts.append("block" * 1000)
except MemoryError:
    parts = None
    print("MemoryError again")
print("still works:", "-".join(["a", "b"]))

# L08: a wall-clock limit stops a built-in draining an endless iterator of
# built-ins, which runs no Python instruction at all.
try:
    sum(iter(int, 1))
finally:
    print("main stopped")

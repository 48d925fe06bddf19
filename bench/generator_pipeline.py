# A generator pipeline: samples pass through chained generators (source,
# debounce, scale, window) and are consumed by sum, filter and max.


def source(n, seed):
    for _ in range(n):
        seed = (seed * 75 + 74) % 65537
        yield seed


def debounce(samples, limit):
    last = 0
    for s in samples:
        if abs(s - last) > limit:
            last = s
        yield last


def scale(samples, num, den):
    for s in samples:
        yield s * num // den


def window(samples, size):
    buf = []
    for s in samples:
        buf.append(s)
        if len(buf) == size:
            yield sum(buf) // size
            buf.clear()


total = 0
peaks = 0
for run in range(10):
    stream = window(scale(debounce(source(40000, run + 1), 500), 3300, 65536), 8)
    values = list(stream)
    total += sum(v for v in values if v % 2 == 0)
    peaks += len(list(filter(lambda v: v > 2000, values)))
    total += max(x * 2 for x in scale(iter(values), 1, 1))
print(total, peaks)

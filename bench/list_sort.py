# List comprehension and sort: readings as tuples, filtered and
# transformed by comprehensions, sorted with key functions.

seed = 12345
readings = []
for i in range(20000):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    readings.append((i % 16, (seed >> 8) % 10000, i))

checksum = 0
for rnd in range(4):
    valid = [r for r in readings if r[1] % 7 != rnd]
    scaled = [(ch, v * 3 // 2, t) for ch, v, t in valid]
    scaled.sort(key=lambda r: r[1])
    by_channel = sorted(scaled, key=lambda r: (r[0], -r[1]))
    top = [r[2] for r in by_channel if r[1] > 14000]
    checksum = (checksum * 7 + sum(top[:100]) + scaled[len(scaled) // 2][1]) % 1000003
    medians = [sorted(v for c, v, _ in scaled if c == ch)[len(scaled) // 40] for ch in range(4)]
print(checksum, len(valid), medians, by_channel[0], by_channel[-1])

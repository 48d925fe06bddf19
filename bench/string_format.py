# String building and formatting: log lines with f-strings, str.format,
# % formatting and join, as a device reporting its readings would.

names = ["temp", "hum", "press", "volt"]
checksum = 0
total = 0
for n in range(50000):
    name = names[n % 4]
    value = (n * 37 + n // 7) % 1000
    fields = [
        f"{name}={value / 10:.1f}",
        "seq={:05d}".format(n),
        "id=%s-%03x" % (name[:2], n % 4096),
        f"ok={value < 900}",
        "{tag:>6}|{lvl:<3}|".format(tag=name, lvl=n % 8),
    ]
    line = ",".join(fields)
    if n % 3 == 0:
        line = "[{}] {}".format("warn" if value > 800 else "info", line)
    total += len(line)
    checksum = (checksum * 33 + ord(line[-1]) + len(line)) & 0xFFFFFF
    if n % 5000 == 1234:
        print(line)

parts = []
for i in range(3000):
    parts.append(str(i))
joined = "".join(parts)
print(total, checksum, len(joined), joined[-12:], "-".join(names).upper())

# Objects: sensors read through a pseudo-random source and smoothed by
# filter objects; method calls and attribute access in the hot loop.


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state


class Sensor:
    def __init__(self, name, source, offset):
        self.name = name
        self.source = source
        self.offset = offset
        self.reads = 0

    def read(self):
        self.reads += 1
        return self.offset + (self.source.next() >> 16) % 1000


class Ema:
    def __init__(self, shift):
        self.shift = shift
        self.value = 0

    def update(self, x):
        self.value += (x - self.value) >> self.shift
        return self.value


class Alarm:
    def __init__(self, high):
        self.high = high
        self.count = 0

    def check(self, value):
        if value > self.high:
            self.count += 1
            return True
        return False


source = Lcg(2024)
sensors = [Sensor("s%d" % i, source, i * 100) for i in range(4)]
filters = [Ema(3) for _ in sensors]
alarms = [Alarm(550 + 100 * i) for i in range(4)]

checksum = 0
for tick in range(40000):
    for i in range(4):
        v = filters[i].update(sensors[i].read())
        if alarms[i].check(v):
            checksum = (checksum * 31 + tick) & 0xFFFFFFFF
        checksum = (checksum + v) & 0xFFFFFFFF

print(checksum, [a.count for a in alarms], sum(s.reads for s in sensors))

# A byte-parsing loop: CRC-16/CCITT-FALSE and CRC-32 computed bit by bit
# over a bytes object of a few kilobytes, then framed records parsed.


def crc16_ccitt(data, crc=0xFFFF):
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            if crc & 0x8000:
                crc = ((crc << 1) ^ 0x1021) & 0xFFFF
            else:
                crc = (crc << 1) & 0xFFFF
    return crc


def crc32(data, crc=0):
    crc ^= 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xEDB88320
            else:
                crc >>= 1
    return crc ^ 0xFFFFFFFF


def parse(frames):
    i = 0
    count = 0
    acc = 0
    while i + 3 <= len(frames):
        kind = frames[i]
        length = frames[i + 1] | (frames[i + 2] << 8)
        payload = frames[i + 3 : i + 3 + length]
        acc = (acc + kind * len(payload) + sum(payload)) & 0xFFFFFFFF
        count += 1
        i += 3 + length
    return count, acc


buf = bytearray()
seed = 7
for i in range(4096):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    buf.append((seed >> 16) & 0xFF)
data = bytes(buf)

frames = bytearray()
for i in range(600):
    n = i % 13
    frames.append(i & 0xFF)
    frames.append(n)
    frames.append(0)
    frames.extend(data[i : i + n])
frames = bytes(frames)

c16 = 0xFFFF
c32 = 0
for _ in range(10):
    c16 = crc16_ccitt(data, c16)
    c32 = crc32(data, c32)
print("%04x" % c16, "%08x" % c32, parse(frames))
print("%08x" % crc32(b"123456789"), "%04x" % crc16_ccitt(b"123456789"))

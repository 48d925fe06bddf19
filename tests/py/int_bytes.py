# int.to_bytes / int.from_bytes
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((255).to_bytes(1, 'big'), (0).to_bytes(3, 'big'), (0).to_bytes(0, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((127).to_bytes(1, 'big', signed=True), (-128).to_bytes(1, 'big', signed=True))
print((2**100).to_bytes(13, 'big'))
print((1).to_bytes(length=4, byteorder='little'))
print((5).to_bytes())
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes(bytearray(b'\x01\x00'), 'little'))
print(int.from_bytes(b'', 'big'), int.from_bytes(b'\x80', signed=True))
print(int.from_bytes(b'\x01' * 20, 'big'))
print(int.from_bytes(bytes=b'\x01\x02', byteorder='little'))
for args in [(1, 'big'), (2, 'little')]:
    for v in [0, 1, 255, 256, 65535]:
        try:
            b = v.to_bytes(*args)
            print(v, args, b, int.from_bytes(b, args[1]))
        except OverflowError as e:
            print(v, args, 'OverflowError', e)
for bad in [lambda: (256).to_bytes(1, 'big'),
            lambda: (-1).to_bytes(1, 'big'),
            lambda: (128).to_bytes(1, 'big', signed=True),
            lambda: (-129).to_bytes(1, 'big', signed=True),
            lambda: (1).to_bytes(1, 'middle'),
            lambda: (1).to_bytes(-1, 'big'),
            lambda: int.from_bytes(b'\x01', 'sideways'),
            lambda: int.from_bytes([256], 'big'),
            lambda: int.from_bytes(5, 'big')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# hex() and fromhex()
data = bytes(range(0, 256, 17))
print(data.hex(), data.hex(" "), data.hex(":", 3), data.hex("-", -3), data.hex(b"|", 4), bytearray(data).hex(",", 2))
print(bytes.fromhex(data.hex()) == data, bytes.fromhex(" 0a 0B \t ff\n"), bytearray.fromhex("00ff"), bytes.fromhex(""))
print(b"".hex(), b"\x00".hex(), (255).to_bytes(2, "big").hex(), int(b"\x01\x00".hex(), 16))
for bad in [lambda: bytes.fromhex("0"), lambda: bytes.fromhex("g0"), lambda: bytes.fromhex("00 0"), lambda: data.hex("ab"), lambda: data.hex(":", 0) if False else bytes.fromhex(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

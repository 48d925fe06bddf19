# bytearray: a mutable bytes
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3], bytearray(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
ba[0] = 72
ba[1:3] = b"EY"
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([46, 46])
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 62)
ba.remove(ord("?"))
print(ba, ba.index(b"Y"), ba.count(b"."), ba.find(b"z"))
del ba[0]
del ba[-2:]
print(ba)
ba.reverse()
print(ba, bytes(ba), ba.hex(), ba.decode(), ba == b"?!oLYE"[::-1] or ba == bytearray(b"?!olYEH"))
c = ba.copy()
c.clear()
print(c, ba, ba + b"x", ba * 2, b"x" + ba, type(b"x" + ba).__name__, type(ba + b"x").__name__)
ba += b"++"
ba *= 1
print(ba, ba.upper(), type(ba.upper()).__name__, ba.split(b"+"), ba.strip(b"+"))
ba[::2] = b"aaaa"
print(ba)
ba[1:5] = []
print(ba, bytearray.fromhex("41 42"), bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"))
for bad in [lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, "a"), lambda: ba.append(-1), lambda: bytearray().pop(),
            lambda: ba.remove(200), lambda: ba.__setitem__(slice(0, 4, 2), b"xyz"), lambda: hash(ba), lambda: ba.insert(0, 999),
            lambda: ba.index(b"zz")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

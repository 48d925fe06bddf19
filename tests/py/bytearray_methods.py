# bytearray methods return bytearrays; mutation through slices
ba = bytearray(b"  Mixed Case Text  ")
print(ba.strip(), ba.lower(), ba.upper(), ba.title(), ba.swapcase(), ba.split(), ba.replace(b" ", b"_"))
print(type(ba.strip()).__name__, type(ba.split()[0]).__name__, ba.find(b"Case"), ba.count(b" "), ba.startswith(b"  M"))
ba[2:7] = b"MIXED"
ba[-2:] = b"!!"
del ba[0:2]
print(ba, len(ba))
ba.extend(range(48, 51)); ba += b"?"; print(ba)
ba[0] = ord("m"); print(ba.decode(), ba.isalpha(), bytearray(b"abc").isalpha())
copy = ba[:]; copy.reverse(); print(copy[:5], ba[:5])
print(bytearray(b"a,b").partition(b","), bytearray(b"x").center(5, b"*"), bytearray(b"7").zfill(3), bytearray(b"AbC").islower())
print(bytearray(5), bytearray([1, 2, 3]) * 2, 2 * bytearray(b"ab"), bytearray(b"ab") == b"ab", bytearray(b"ab") < b"ac")

# string ordering is by code point
words = ["banana", "Apple", "apple", "Banana", "éclair", "zebra", "Zebra", "123", "_x", ""]
print(sorted(words))
print(sorted(words, key=str.lower)[:4], sorted(words, key=len)[:3], sorted(words, key=lambda w: (len(w), w))[:4])
print(min(words), max(words), "a" < "b" < "c", "abc" < "abd" < "abda", "Z" < "a", "é" > "e", "\u00e9" == "é")
print(sorted("Hello World"), "".join(sorted("python", reverse=True)), sorted(["b", "a", "c"], reverse=True))
print(sorted(["a10", "a2", "a1"]), sorted(["a10", "a2", "a1"], key=lambda s: int(s[1:])), "straße".casefold() == "strasse")

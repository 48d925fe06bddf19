# non-ASCII text: lengths, ord/chr, methods
s = "Grüße, 世界! 🌍"
print(len(s), [ord(c) for c in s[:6]], s.upper(), s.lower(), s.find("世"), s.index("🌍"), s.count("ü"))
print(chr(0x1F600), chr(233), chr(0), repr(chr(0x7f)), ord("€"), ord("\U0010ffff"), chr(0x10ffff) == "\U0010ffff")
print(s.split(), s.replace("世界", "world"), s[::-1], s.encode("utf-8"), len(s.encode()))
print("ǅ".isupper(), "ǅ".islower(), "ǅ".istitle(), "ß".isalpha(), "١".isdigit(), "\u00a0".isspace())
print(sorted(["b", "a", "é", "z", "É"]), "straße".casefold() == "STRASSE".casefold())
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord(""), lambda: ord("ab"), lambda: ord(1), lambda: chr("a")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

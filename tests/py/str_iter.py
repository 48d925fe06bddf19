# iterating and building strings
s = "héllo wörld"
print([c for c in s], list(s)[::3], "".join(reversed(s)), sorted(set("banana")), len(s))
out = ""
for i, c in enumerate(s):
    if i % 2 == 0:
        out += c.upper()
    else:
        out += c
print(out)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
words = "the quick brown fox jumps over the lazy dog".split()
print(" ".join(w[::-1] for w in words), [w for w in words if "o" in w], "-".join(map(str.capitalize, words)))
big = "ab" * 5000
print(big.count("ab"), big.find("ba", 9000), big[9998:], len(big.replace("a", "")), big.upper()[:4])
it = iter("xyz"); print(next(it), list(it), list(it))

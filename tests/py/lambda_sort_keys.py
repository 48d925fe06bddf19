people = [("ann", 31, "NY"), ("bob", 25, "LA"), ("cy", 31, "LA"), ("di", 25, "NY")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: (p[2], p[1]), reverse=True))
print(max(people, key=lambda p: len(p[0])), min(people, key=lambda p: (p[1], p[2])))
words = ["Banana", "apple", "cherry", "Apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(sorted(by_len.items(), key=lambda kv: kv[0]))
print(list(map(lambda kv: kv[0] * 2, sorted({"b": 1, "a": 2}.items()))))

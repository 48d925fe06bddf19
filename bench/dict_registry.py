# Dict inserts and lookups: a registry of devices and their counters,
# keyed by strings and by ints, with updates, membership tests and deletes.

registry = {}
by_addr = {}
for i in range(2000):
    key = "dev%04d" % i
    registry[key] = {"addr": i * 7 % 2048, "count": 0, "kind": i % 5}
    by_addr[i * 7 % 2048] = key

hits = 0
misses = 0
for r in range(500):
    for a in range(0, 2048, 3):
        key = by_addr.get(a)
        if key is None:
            misses += 1
            continue
        entry = registry[key]
        entry["count"] += 1
        if entry["kind"] == r % 5:
            hits += 1
    for i in range(r, 2000, 97):
        key = "dev%04d" % i
        if key in registry:
            del by_addr[registry[key]["addr"]]
            del registry[key]
        else:
            registry[key] = {"addr": i * 7 % 2048, "count": r, "kind": r % 5}
            by_addr[i * 7 % 2048] = key

kinds = {}
for key, entry in registry.items():
    kinds[entry["kind"]] = kinds.get(entry["kind"], 0) + entry["count"]
print(len(registry), len(by_addr), hits, misses, sorted(kinds.items()))

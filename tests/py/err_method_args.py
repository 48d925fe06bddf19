# Bad calls to methods of built-in types.
tests = [
    lambda: "a".split(1), lambda: "a".join(1), lambda: "a".join([1]), lambda: "a".strip(1), lambda: "a".replace("a"),
    lambda: "a".find(), lambda: "a".index("b"), lambda: "a".startswith(1), lambda: "a".center(), lambda: "a".zfill("2"),
    lambda: "a".encode(1), lambda: "a".upper(1), lambda: "a".count(), lambda: "a".partition(""), lambda: "{}".format(),
    lambda: [].append(), lambda: [].append(1, 2), lambda: [].pop(1), lambda: [].index(1), lambda: [].insert(1), lambda: [].remove(1),
    lambda: [].sort(key=1, reverse=2) if False else [2, 1].sort(key=1), lambda: [].count(), lambda: [].extend(1), lambda: [].copy(1),
    lambda: {}.get(), lambda: {}.pop(), lambda: {}.popitem(), lambda: {}.update(1), lambda: {}.setdefault(), lambda: {}.keys(1),
    lambda: {}.fromkeys(1), lambda: set().add(), lambda: set().remove(1), lambda: set().pop(), lambda: set().union(1),
    lambda: (1,).index(2), lambda: (1,).count(), lambda: b"a".decode(1), lambda: bytes.fromhex(1),
    lambda: (1).to_bytes(1, "x"), lambda: int.from_bytes(1), lambda: (1.5).is_integer(1),
    lambda: range(3).index(5), lambda: slice(1).indices(), lambda: bytearray().pop(), lambda: bytearray().append(256),
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "no error", r)
    except Exception as e:
        print(i, type(e).__name__ + ":", e)

f = frozenset()
f.add(1)

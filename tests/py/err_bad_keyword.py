sorted([1], foo=2)

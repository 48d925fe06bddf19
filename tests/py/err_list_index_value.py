print([1, 2].index(2))
[1, 2].index(5)

def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squared(src):
    for x in src:
        yield x * x


def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x


print(list(take(4, squared(evens(numbers(100))))))
print(sum(squared(evens(numbers(10)))))


def running_total(src):
    total = 0
    for x in src:
        total += x
        yield total


print(list(running_total(numbers(6))))


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, [5]]]], 6])))


def window(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
            win.pop(0)


print(list(window(range(6), 3)))


def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)


print(list(interleave("abc", [1, 2], range(10, 14))))

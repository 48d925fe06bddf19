level = "module"


def outer():
    level = "outer"

    def middle():
        nonlocal level
        level = "middle changed outer"

        def inner():
            global level
            level = "inner changed module"
        inner()
        return level
    return middle(), level


print(outer(), level)


def counter_factory():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    def reset():
        nonlocal count
        count = 0
    return bump, reset


bump, reset = counter_factory()
bump()
bump()
print(bump())
reset()
print(bump())
total = 0


def add_all(*vals):
    global total
    for v in vals:
        total += v
    return total


print(add_all(1, 2, 3), add_all(4), total)

def add(a, b=10):
    return a + b


def greet(name, greeting="Hello"):
    print(greeting, name)


print(add(1), add(1, 2), add(b=5, a=1))
greet("Ann")
greet("Bob", "Hi")
counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump()
bump()
print(counter)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), fact(30))


def nothing():
    pass


print(nothing())


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print([fib(i) for i in range(15)])

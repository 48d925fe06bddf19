def outer(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)


print(outer(10))


def memoize():
    cache = {}

    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib


print(memoize()(80))


def mutual():
    def even(n):
        return True if n == 0 else odd(n - 1)

    def odd(n):
        return False if n == 0 else even(n - 1)
    return even(10), odd(7)


print(mutual())
fact = lambda n: 1 if n == 0 else n * fact(n - 1)
print(fact(6))


def y_comb(f):
    return (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))


print(y_comb(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))(5))

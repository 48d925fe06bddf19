import sys


def gen_in_handler():
    try:
        raise KeyError("inside gen")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__


g = gen_in_handler()
print(next(g))
print("caller sees", sys.exc_info()[0])
try:
    raise ValueError("caller")
except ValueError:
    print(next(g))
    print("caller still", sys.exc_info()[0].__name__)
print("after", sys.exc_info()[0])


def reraise_in_gen():
    try:
        yield 1
    except ZeroDivisionError:
        yield "caught thrown"
        raise


r = reraise_in_gen()
next(r)
print(r.throw(ZeroDivisionError("z")))
try:
    next(r)
except ZeroDivisionError as e:
    print("re-raised from gen:", e)


def context_from_caller():
    yield 1
    raise TypeError("in gen")


c = context_from_caller()
next(c)
try:
    raise ValueError("outer")
except ValueError:
    try:
        next(c)
    except TypeError as e:
        print(type(e.__context__).__name__)

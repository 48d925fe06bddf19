import sys


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)


def depth_probe(n):
    try:
        return depth_probe(n + 1)
    except RecursionError:
        return n


d = depth_probe(0)
print(900 < d < 1000)
print(sys.getrecursionlimit())


def mutual_a(n):
    return mutual_b(n)


def mutual_b(n):
    return mutual_a(n)


try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
print("still works", forever.__name__)
forever(0)

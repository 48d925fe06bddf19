class Resource:
    opened = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Resource.opened += 1
        return self

    def __exit__(self, et, ev, tb):
        Resource.opened -= 1
        return isinstance(ev, LookupError)

    def read(self, key):
        return {"a": 1}[key]


def lookup(key):
    with Resource("db") as r:
        return r.read(key)
    return "suppressed lookup"


print(lookup("a"), lookup("zz"), Resource.opened)


def gen_lines():
    with Resource("file"):
        for i in range(3):
            yield i
    print("generator closed its resource", Resource.opened)


print(list(gen_lines()))
with Resource("x") as a:
    with Resource("y") as b:
        print(a.name, b.name, Resource.opened)
print(Resource.opened)

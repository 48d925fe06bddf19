# assorted str methods
print("a-b-c".split("-", 1), "Hello".startswith("He"), "x".join("abc"), "abc".index("c"))
print(str.upper("abc"), str.join(",", ["a", "b"]), str.split("a b"), str.__len__("abcd"))
print(callable("".format), type("".upper).__name__)
print("abc".isascii(), "Hello World".istitle(), "hello".isprintable(), "\t".isprintable())
print("tab\there".expandtabs(4), "CamelCase".swapcase(), "  x ".strip() or "empty")
print("%s=%s" % ("a", 1), "a".__add__("b"), "ab".__mul__(2), "ab".__rmul__(2), "a".__eq__("a"), "a".__ne__("a"), "a".__lt__("b"))
print("x".__hash__() == hash("x"), "abc".__getitem__(1), "abc".__contains__("b"), "ab".__iter__().__next__())
print("a".__eq__(1), "a".__lt__(1))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
m = MyStr("hey")
print(m, m.shout(), len(m), m + "x", m * 2, m[1], isinstance(m, str), type(m.upper()).__name__, m == "hey")

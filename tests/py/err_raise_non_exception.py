try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise int
except TypeError as e:
    print("TypeError:", e)


class NotAnException:
    pass


try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from "cause"
except TypeError as e:
    print("TypeError:", e)
raise "a string"

# format_map
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} is {age}".format_map({"name": "Ann", "age": 30}))
print("{name} is {age}".format_map(Default(name="Bob")))
print("{a[0]}{b.real}".format_map({"a": [9], "b": 2}))
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError", e)
try:
    "{}".format_map({"a": 1})
except ValueError as e:
    print("ValueError", e)

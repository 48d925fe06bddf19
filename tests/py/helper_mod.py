"""A module imported by the import tests."""
print("helper_mod loading as", __name__)
CONSTANT = 42
LOADS = 1
counter = 0
counter_value = counter


def greet(who):
    return f"hello {who}"


def bump():
    global counter
    counter += 1


def get_counter():
    return counter


class Shape:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class HelperError(Exception):
    pass


_private = "hidden"
if __name__ == "__main__":
    print("helper_mod run as a script")

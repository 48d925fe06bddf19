# filters: a helper module frozen into the firmware (as bytecode or as
# source) that board scripts import like any other module.


def mean(values):
    return sum(values) / len(values)


class MovingAverage:
    """The mean of the last `n` values added."""

    def __init__(self, n):
        self.n = n
        self.values = []

    def add(self, value):
        self.values.append(value)
        if len(self.values) > self.n:
            self.values.pop(0)
        return mean(self.values)

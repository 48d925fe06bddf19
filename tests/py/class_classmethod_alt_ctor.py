class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls(2024, 1, 1)

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"


class MyDate(Date):
    pass


print(Date.from_string("2020-02-29"), MyDate.from_string("1999-12-31"), MyDate.today())
print(Date.is_leap(2000), Date.is_leap(1900), MyDate.is_leap(2024))
d = MyDate.today()
print(d.from_string("2001-01-01"), d.is_leap(2001))
print(Date.from_string.__name__, Date.__dict__["is_leap"].__func__(4))

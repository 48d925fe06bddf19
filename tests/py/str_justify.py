# center, ljust, rjust, zfill
for w in [0, 3, 6, 7, 8]:
    print(repr("abc".center(w)), repr("abcd".center(w, "*")), repr("ab".ljust(w, "-")), repr("ab".rjust(w, "é")))
print("x".center(4), "|", "xy".center(5, "."), "|", "xyz".center(6, "."), "|", "".center(3, "0"))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "".zfill(2), "12345".zfill(3), "-".zfill(3), "é".zfill(3))
for bad in [lambda: "a".center(5, "ab"), lambda: "a".ljust(5, ""), lambda: "a".rjust("5"), lambda: "a".zfill(), lambda: "a".center(3, 1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

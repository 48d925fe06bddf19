# str.join
print(",".join(["a", "b", "c"]), "".join([]), "-".join("abc"), " ".join(("x",)), "ab".join(["1", "2", "3"]))
print("".join(str(i) for i in range(10)), "/".join({"k": 1, "j": 2}), "+".join(map(str, [1, 2])))
big = "x".join(["ab"] * 1000)
print(len(big), big[:10])
class S(str):
    pass
print("|".join([S("q"), "r"]))
for bad in [lambda: ",".join(["a", 1]), lambda: ",".join(5), lambda: ",".join([b"a"]), lambda: ",".join(["a", None, "c"])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

# removeprefix / removesuffix
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("nope"), "abc".removeprefix(""), "abc".removeprefix("abc"))
print("body.txt".removesuffix(".txt"), "body.txt".removesuffix(".py"), "abc".removesuffix(""), "aaa".removesuffix("a"))
for bad in [lambda: "a".removeprefix(None), lambda: "a".removesuffix(1), lambda: "a".removeprefix()]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

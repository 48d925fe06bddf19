# partition, rpartition
for s in ["key=value=x", "novalue", "=start", "end=", ""]:
    print(s.partition("="), s.rpartition("="))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"), "ééxéé".partition("x"))
for bad in [lambda: "a".partition(""), lambda: "a".rpartition(None), lambda: "a".partition()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

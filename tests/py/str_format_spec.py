# format specs for strings and errors for bad specs
print(format("abc", "<6") + "|", format("abc", ">6"), format("abc", "^7") + "|", format("abc", "*^8"), format("abc", ".2"), format("abc", "6.1") + "|")
print(f"{'x':05}", f"{'x':<05}", f"{'é':^5}|", f"{'wide':_>10}", f"{'':->3}", f"{'trunc':.0}|")
for spec in ["d", "+", " ", "#", "=5", "z", ",", "_", "5.2f", "abc", ".", "10.", "99999999999999999999"]:
    try:
        print(repr(spec), repr(format("hi", spec)))
    except ValueError as e:
        print(repr(spec), "ValueError", e)
for v, spec in [(5, "abc"), (1.5, "xx"), (5, ",_"), (5, "_,"), (1.5, ".f"), (True, "s")]:
    try:
        print(repr(format(v, spec)))
    except ValueError as e:
        print("ValueError", e)

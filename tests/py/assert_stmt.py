assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("no message", repr(e), e.args)


def check(v):
    assert isinstance(v, int), f"expected int, got {type(v).__name__}"
    return v


print(check(3))
try:
    check("s")
except AssertionError as e:
    print(e)
assert (x := 5) == 5
print(x)
assert False, ("tuple", "message")

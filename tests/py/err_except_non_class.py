try:
    try:
        raise ValueError("x")
    except "not a class":
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ValueError("y")
    except (ValueError, 5):
        print("matched first element")
except TypeError as e:
    print("TypeError:", e)

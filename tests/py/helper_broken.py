print("helper_broken starts")
VALUE = 1 / 0

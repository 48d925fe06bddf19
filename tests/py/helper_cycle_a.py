print("a starts")
A_VALUE = "a"
import helper_cycle_b
print("a ends")

print("b starts")
import helper_cycle_a
seen_a_value = helper_cycle_a.A_VALUE
B_VALUE = "b"
print("b ends")

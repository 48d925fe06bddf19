import helper_cycle_a
print(helper_cycle_a.A_VALUE, helper_cycle_a.helper_cycle_b.B_VALUE)
print(helper_cycle_a.helper_cycle_b.seen_a_value)

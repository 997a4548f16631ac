# sum() of a range of 10**12 small numbers: no memory grows and no instruction runs per item, so
# only the charge for each item drawn from the iterator ends it, within one operation's work bound.
# expect: ResourceLimitError max_operation_steps
print(sum(range(10**12)))

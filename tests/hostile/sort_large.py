# Sorting 100,000 items is more than one operation may do (50,000 is not).
# expect: ResourceLimitError max_operation_steps
a = list(range(100000, 0, -1))
print(sorted(a)[0])

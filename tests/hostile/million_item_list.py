# A list of a million items built in one operation: 40 MB filled at once holds the thread too long.
# expect: ResourceLimitError max_operation_steps
x = [0] * 1000000
print(len(x))

# == on two lists that share their parts, 29 levels deep: 2**29 comparisons.
# expect: ResourceLimitError max_operation_steps
a = [0]
b = [0]
for i in range(29):
    a = [a, a]
    b = [b, b]
print(a == b)

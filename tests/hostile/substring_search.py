# A substring search that costs len(text) x len(sub) done naively.
# expect: ResourceLimitError max_operation_steps
s = 'x' * 1000000
n = 'x' * 500000 + 'y'
for i in range(20):
    print(n in s)

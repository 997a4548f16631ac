# A set of 20,000 ints that all hash to 0 (multiples of 2**61 - 1): each add probes past every key before it, 200 million probes inside one set() call.
# expect: ResourceLimitError max_operation_steps
keys = [i * (2 ** 61 - 1) for i in range(20000)]
s = set(keys)
print(len(s))

# A dict of 20,000 ints that all hash to 0 (multiples of 2**61 - 1): each insertion probes past every
# key before it (held the thread for seconds); the probes are charged as a set's are.
# expect: ResourceLimitError max_operation_steps
M = 2 ** 61 - 1
keys = [i * M for i in range(20000)]
d = dict(zip(keys, keys))
print(len(d))

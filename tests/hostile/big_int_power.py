# A power whose result has 16 million bits: computing it would hold the thread for seconds.
# expect: ResourceLimitError max_operation_steps
x = 3 ** 10_000_000
print(x > 0)

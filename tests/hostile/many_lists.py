# 1,550 lists of 100,000 items each: 6 GiB without a bound.
# expect: ResourceLimitError max_memory_bytes
keep = []
for i in range(1550):
    keep.append([0] * 100000)
print(len(keep))

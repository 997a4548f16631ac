# str.join and format whose outputs are a million characters, kept.
# expect: ResourceLimitError max_memory_bytes
parts = ['y' * 1000] * 999
keep = []
for i in range(10000):
    keep.append(','.join(parts))
    keep.append('{:>999999}'.format(i))
print(len(keep))

# str.replace whose output is a million characters, kept 10,000 times.
# expect: ResourceLimitError max_memory_bytes
s = 'y' * 1000000
keep = []
for i in range(10000):
    keep.append('x'.replace('x', s))
print(len(keep))

# A million functions, each the default value of the next: the memory bound, then a clean teardown.
# expect: ResourceLimitError max_memory_bytes
x = 0
for i in range(1000000):
    def g(a=x): pass
    x = g
print('built')

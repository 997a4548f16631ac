# 300,000 never-awaited coroutines, each the argument of the next (CPython itself crashes on this).
# expect: ResourceLimitError max_memory_bytes
async def f(c): pass
c = None
for i in range(300000):
    c = f(c)
print('built')

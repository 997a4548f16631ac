# An unbounded functools.cache keeps every result: its dict grows until the run's memory bound ends
# it (as any dict's would), and a bounded cache's constant eviction of the oldest key stays cheap.
# expect: ResourceLimitError max_memory_bytes
from functools import cache, lru_cache

@lru_cache(maxsize=1000)
def small(n):
    return [n]

for i in range(200000):
    small(i)

@cache
def keep(n):
    return [n] * 10

for i in range(10**8):
    keep(i)

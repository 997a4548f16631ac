# cycle() keeps what it draws: from an endless count() it would grow without end, ten thousand
# items an operation; the run's memory bound ends it.
# expect: ResourceLimitError max_memory_bytes
from itertools import count, cycle, islice
c = cycle(count())
for chunk in range(10**6):
    next(islice(c, 10**4, None))

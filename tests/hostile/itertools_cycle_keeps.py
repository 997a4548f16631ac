# cycle() keeps what it draws: from an endless count() it would grow without end, ten thousand items
# an operation. Its buffer's growth asks the memory bound first and is charged as fresh memory filled,
# so the growth to half a million items is more work than one operation may do.
# expect: ResourceLimitError max_operation_steps
from itertools import count, cycle, islice
c = cycle(count())
for chunk in range(10**6):
    next(islice(c, 10**4, None))

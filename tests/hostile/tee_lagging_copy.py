# A tee whose second copy never moves while the first walks an endless count: every item the first
# drew is kept for the second (links of 57 items held through values), so the memory bound ends it,
# and the chain of links is let go without recursion when the run ends.
# expect: ResourceLimitError max_memory_bytes
import itertools
ahead, behind = itertools.tee(itertools.count())
for n in ahead:
    pass

# A logger for every name without end (long names, each with a place holder for its parent): the
# manager's dict keeps them all, and the memory bound ends it.
# expect: ResourceLimitError max_memory_bytes
import logging

pad = "x" * 2000
i = 0
while True:
    logging.getLogger("a%d%s.b%d%s" % (i, pad, i, pad))
    i += 1

# An OrderedDict of 50,000 keys whose first key is moved to the end forever: each move leaves a
# deleted entry that the table's rebuild drops, so memory stays flat, and the step bound ends it.
# expect: ResourceLimitError max_steps
from collections import OrderedDict
od = OrderedDict.fromkeys(range(50_000))
while True:
    od.move_to_end(next(iter(od)))

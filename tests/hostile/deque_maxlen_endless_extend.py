# A deque with maxlen=1 extended from range(10**12): it stays one item long, so no memory bound
# stops it; each item read is work, and the operation's work bound ends it.
# expect: ResourceLimitError max_operation_steps
from collections import deque
d = deque(maxlen=1)
d.extend(range(10**12))
print(d)

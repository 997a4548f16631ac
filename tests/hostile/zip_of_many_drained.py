# A zip of fifty endless ranges drained into a deque that keeps nothing: each row draws fifty items,
# and each draw is charged, so the operation's work bound ends it long before a second has passed.
# expect: ResourceLimitError max_operation_steps
from collections import deque
r = range(10**12)
deque(zip(*[r] * 50), maxlen=0)

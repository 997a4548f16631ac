# A one-item deque repeated a trillion times would hold a trillion items: refused at the length bound
# before any is made (the single-item path of deque_inplace_repeat loops once per copy).
# expect: ResourceLimitError a string or list would hold
from collections import deque
d = deque([0]) * 10**12
print(len(d))

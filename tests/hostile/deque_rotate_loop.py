# Rotating a 50,000-item deque by half its length, over and over: each rotation moves 25,000 items
# in one instruction, charged as that much work, so the run's steps run out (a slice never overruns).
# expect: ResourceLimitError steps
from collections import deque
d = deque(range(50_000))
while True:
    d.rotate(25_000)

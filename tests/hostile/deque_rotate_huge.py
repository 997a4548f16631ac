# A rotation by a trillion steps: CPython reduces it modulo the length first (_deque_rotate), so it is
# instant there and must be here; a rotation by more than a C ssize_t is CPython's OverflowError.
# expect: ok
# stdout: deque([3, 4, 0, 1, 2]) OverflowError
from collections import deque
d = deque(range(5))
d.rotate(10**12 + 2)
try:
    d.rotate(10**30)
except OverflowError as e:
    print(d, type(e).__name__)

# List[List[...]] nested 100,000 deep: CPython's subscription hashes its argument (functools' cache)
# and fails with RecursionError about 500 deep; the engine's repr and equality of such a form
# recursed without a bound.
# expect: RecursionError maximum recursion depth exceeded while calling a Python object
from typing import List

a = int
b = int
for i in range(100000):
    a = List[a]
    b = List[b]
print(a == b)
print(a)

# 5,000 chains each wrapping the one before: drawing from the outermost goes through every one (C++
# recursion in the engine), so it is bounded as CPython bounds it; letting go of them is iterative.
# expect: RecursionError maximum recursion depth exceeded
from itertools import chain
c = chain([1])
for _ in range(5000):
    c = chain(c)
print(next(c))

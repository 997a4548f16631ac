# A defaultdict whose factory looks up a missing key of the same dict: each lookup calls the factory
# again (C recursion in the engine as in CPython's __missing__), bounded as CPython bounds it.
# expect: ok
# stdout: RecursionError 0
from collections import defaultdict
d = defaultdict(lambda: d[len(d) + 1])
try:
    d[0]
except RecursionError as e:
    print("RecursionError", len(d))

# A Counter that holds itself as a count, added to itself: Counter.__add__ recursing forever.
# expect: RecursionError maximum recursion depth exceeded
from collections import Counter

c = Counter()
c["me"] = c
print(c + c)

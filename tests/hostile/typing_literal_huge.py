# A Literal of 100,000 values and a Union of 30,000 names: their repeats were found by comparing each
# member with every one before it (5 * 10**9 comparisons holding the thread); CPython uses a set.
# expect: ok
# stdout: True True
from typing import Literal, Union

values = Literal[tuple(range(100000)) + tuple(range(1000))]
names = Union[tuple([str(i) for i in range(30000)] * 2)]
print(values == Literal[tuple(range(99999, -1, -1))], names == Union[tuple([str(i) for i in range(29999, -1, -1)])])

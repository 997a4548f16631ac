# Literal's values as CPython 3.11's typing keeps them: a Literal inside is flattened, repeats (the
# same value of the same type) dropped unless a value is unhashable, and two Literals equal as sets
# of (value, type); Unions of many members deduplicated in order.
from typing import Literal, Optional, Union

print(Literal[Literal[1, 2], 3])
print(Literal[Literal["a"], Literal["a", "b"], "c"])
print(Literal[1, True, 1.0, 1, "1"])
print(Literal[[1], [1]])
print(Literal[1, 2] == Literal[2, 1], Literal[1, 2, 3] == Literal[3, 2, 1])
print(Literal[1] == Literal[True], Literal[0] == Literal[False], Literal[1] == Literal[1.0])
print(Literal[1, 2] == Literal[1, 2, 3])
try:
    print(Literal[[1]] == Literal[[1]])
except TypeError as e:
    print("TypeError", e)
print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int])

many = Literal[tuple(range(5000)) + tuple(range(5000))]
print(many == Literal[tuple(range(4999, -1, -1))])
names = Union[tuple(str(i % 3000) for i in range(6000))]
print(repr(names)[:60])

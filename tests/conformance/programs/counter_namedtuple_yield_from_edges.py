# Construct: Counter, named tuple and yield from edges a review found — a Counter compared with itself inside a list or an 'in' (identity first) and with == (its counts compared), NamedTuple's checks in CPython's order, most_common(5.0) sorting before its slice error, a generator re-entered while a throw() is delegated through its yield from.
from collections import Counter, namedtuple
from typing import NamedTuple
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
c = Counter(a=float('nan'))
attempt("in", lambda: (c in [c], [c] == [c], c == c, c != c, [c].count(c)))
def order():
    class E(NamedTuple):
        _y: int = 1
        z: int
    return E
attempt("order", order)
def order2():
    class E(NamedTuple):
        _y: int
        _fields: int = 2
    return E
attempt("order2", order2)
class Bad:
    def __lt__(self, o):
        raise ValueError("lt")
attempt("mc float", lambda: Counter(a=Bad(), b=Bad()).most_common(5.0))
def inner():
    try:
        yield 1
    except KeyError:
        next(outer_gen)
    yield 2
def outer():
    yield from inner()
outer_gen = outer()
next(outer_gen)
attempt("reenter", lambda: outer_gen.throw(KeyError("k")))

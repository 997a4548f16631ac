# Construct: named tuples at their edges — a one-field class's __doc__ ('P(x,)'), tuple's own error words for + and count(), the generated methods called through the class, _asdict following a reassigned _fields, a subclass instance's __dict__ on del, NamedTuple('A', None), NamedTuple's unpacking error, super() in a NamedTuple body (CPython's __classcell__ RuntimeError), isinstance(cls, type), a task returning a named tuple that holds itself.
import asyncio
from collections import namedtuple
from typing import NamedTuple
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
P = namedtuple('P', 'x y')
attempt("doc1", lambda: (namedtuple('P','x').__doc__, NamedTuple('Q', [('x', int)]).__doc__))
class One(NamedTuple):
    x: int
print(One.__doc__)
attempt("concat", lambda: P(1, 2) + [3])
attempt("concat str", lambda: P(1, 2) + 'ab')
attempt("count", lambda: P(1, 2).count())
attempt("cls replace", lambda: P._replace(P(1, 2), x=5))
attempt("cls asdict", lambda: P._asdict(P(3, 4)))
f = P._replace
attempt("f replace", lambda: f(P(1, 2), y=0))
Q = namedtuple('Q', 'a b'); Q._fields = ('z', 'w')
attempt("fields", lambda: Q(1, 2)._asdict())
class S(namedtuple('P', 'x y')):
    pass
def delw():
    del S(1, 2).w
attempt("delattr", delw)
attempt("none", lambda: NamedTuple('A', None)())
attempt("unpack", lambda: NamedTuple('X', [1]))
def sup():
    class A(NamedTuple):
        x: int
        def __repr__(self):
            return 'A!' + super().__repr__()
    return A
attempt("super", sup)
attempt("isinstance type", lambda: (isinstance(P, type), isinstance(One, type), isinstance(int, type), isinstance(1, type)))
l = []
p = P(l, 1)
l.append(p)
async def g():
    return p
async def main():
    r = await asyncio.create_task(g())
    print(r is p)
asyncio.run(main())

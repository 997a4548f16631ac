# Construct: collections.namedtuple — field names as a str (spaces, commas) or an iterable, defaults, rename, module; the class's _fields, _field_defaults, __match_args__, __doc__; the instance's fields, tuple behaviour (unpacking, indexing, slicing, +, comparison, hashing), _asdict, _replace, _make, repr; read-only fields; a subclass with __slots__ = () and one without (a __dict__); typing.NamedTuple classes; CPython's errors.
from collections import namedtuple
from typing import NamedTuple
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
P = namedtuple('Point', 'x y')
p = P(1, 2)
print(p, P, type(p), P.__doc__, P._fields, P._field_defaults, P.__match_args__, P.__name__, P.__qualname__, P.__module__)
attempt("set", lambda: setattr(p, 'x', 3))
attempt("set new", lambda: setattr(p, 'z', 3))
attempt("del", lambda: delattr(p, 'x'))
attempt("missing", lambda: P(1))
attempt("many", lambda: P(1, 2, 3))
attempt("kw", lambda: P(1, z=2))
attempt("multi", lambda: P(1, x=2))
attempt("make", lambda: P._make([1, 2, 3]))
attempt("replace", lambda: p._replace(z=1))
attempt("getattr", lambda: p.z)

attempt("asdict", lambda: p._asdict())
attempt("bad", lambda: namedtuple('P', 'x 1y'))
attempt("kwd", lambda: namedtuple('P', 'x class'))
attempt("under", lambda: namedtuple('P', 'x _y'))
attempt("dup", lambda: namedtuple('P', 'x x'))
attempt("defaults", lambda: namedtuple('P', 'x y', defaults=[1, 2, 3]))
attempt("rename", lambda: namedtuple('P', 'x x class _y 1', rename=True)._fields)
attempt("typename", lambda: namedtuple('1P', 'x'))
attempt("fields list", lambda: namedtuple('P', ['a', 'b'])(1, 2))
attempt("fields comma", lambda: namedtuple('P', 'a, b,c')(1, 2, 3))
attempt("non str", lambda: namedtuple('P', [1]))
D = namedtuple('D', 'a b c', defaults=(5, 6))
print(D(1), D._field_defaults, D(1, c=0))
class Q(P):
    __slots__ = ()
    @property
    def norm(self):
        return abs(self.x) + abs(self.y)
    def __str__(self):
        return f"Q<{self.x},{self.y}>"
q = Q(3, -4)
print(q, repr(q), q.norm, type(q), isinstance(q, P), isinstance(q, tuple), q + (1,), q[1:], q == (3, -4), hash(q) == hash((3, -4)))
attempt("q set", lambda: setattr(q, 'w', 1))
class R(P):
    pass
r = R(1, 2)
r.extra = 5
print(r, r.extra)
class Emp(NamedTuple):
    name: str
    dept: str = "eng"
    salary: int = 100
    def raise_(self, n):
        return self._replace(salary=self.salary + n)
e = Emp("ann")
print(e, e.raise_(5), Emp._fields, Emp._field_defaults, Emp.__doc__, type(e), isinstance(e, tuple))

x, y = p
print(x, y, len(p), list(p), p.count(1), p.index(2), sorted([P(2, 1), P(1, 5)]), max([P(2, 1), P(1, 5)], key=lambda t: t.y), {p: 1}, f"{p}", str(p))
print(issubclass(P, tuple), issubclass(Q, P), P(*[1, 2]), P(**{'x': 1, 'y': 2}), p._replace(x=9))

# Construct: named tuples in an asyncio program — a namedtuple subclass with its own __repr__ (calling super().__repr__()), methods, a classmethod and a staticmethod; a typing.NamedTuple class with a docstring, defaults, a property, a method and a class attribute; NamedTuple's functional form; NamedTuple's checks (field order, underscores, prohibited names); results of gathered tasks as named tuples, sorted, maxed and unpacked.
import asyncio
from collections import namedtuple
from typing import NamedTuple, Optional

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

Point = namedtuple("Point", ["x", "y"])
class Point3(Point):
    __slots__ = ()
    def __repr__(self):
        return "P3" + super().__repr__()
    def moved(self, dx):
        return self._replace(x=self.x + dx)
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @staticmethod
    def unit():
        return Point3(1, 1)
p3 = Point3(1, 2)
print(p3, p3.moved(5), type(p3.moved(5)).__name__, Point3.origin(), Point3.unit(), Point3._make([7, 8]), p3._asdict())
print(p3.__class__, p3.__class__.__name__, isinstance(p3, (int, Point)), f"{p3!r} {p3!s} {p3}", format(Point(1, 2)), str(Point(1, 2)))
print(Point._fields + ('z',), namedtuple('P4', Point._fields + ('z',))(1, 2, 3))

class Job(NamedTuple):
    """A job for the workers."""
    name: str
    delay: float = 0.1
    retries: Optional[int] = None
    def describe(self) -> str:
        return f"{self.name} ({self.delay}s, retries={self.retries})"
    @property
    def slow(self):
        return self.delay > 0.2
    LABEL = "job"
print(Job("a"), Job("b", 0.3).slow, Job.__doc__, Job.LABEL, Job("c").describe(), Job._field_defaults)
def bad_order():
    class E(NamedTuple):
        x: int = 1
        y: int
    return E
attempt("non-default", bad_order)
def bad_order2():
    class E(NamedTuple):
        x: int = 1
        z: int = 2
        y: int
    return E
attempt("non-default2", bad_order2)
def underscore():
    class E(NamedTuple):
        _x: int
    return E
attempt("underscore", underscore)
def init():
    class E(NamedTuple):
        x: int
        def __init__(self):
            pass
    return E
attempt("init", init)
def fields_attr():
    class E(NamedTuple):
        x: int
        _fields = 1
    return E
attempt("_fields", fields_attr)
Pair = NamedTuple("Pair", [("left", int), ("right", int)])
print(Pair(1, 2), Pair._fields)
attempt("Job()", lambda: Job())
attempt("Job many", lambda: Job(1, 2, 3, 4))
attempt("replace pos", lambda: Job("a")._replace(1))
attempt("make none", lambda: Job._make())
attempt("asdict arg", lambda: Job("a")._asdict(1))
attempt("getattr default", lambda: getattr(Job("a"), "nope", "dflt"))
attempt("hasattr", lambda: (hasattr(Job("a"), "name"), hasattr(Job("a"), "nope")))
attempt("set slot", lambda: setattr(Job("a"), "name", 1))
attempt("eq", lambda: (Job("a") == ("a", 0.1, None), Job("a") == Job("a"), Job("a") < Job("b"), Point(1, 2) == Point3(1, 2)))
attempt("set", lambda: {Point(1, 2), Point3(1, 2), (1, 2)})
attempt("iter", lambda: [v for v in Job("z", 1)])
attempt("star", lambda: Point(*range(2)))
attempt("bool", lambda: (bool(Point(0, 0)), len(Job("q"))))
attempt("index", lambda: (Point(5, 6)[-1], Point(5, 6)[0:1], Point(1, 2) + Point(3, 4), Point(1, 2) * 2))
attempt("rename keyword", lambda: namedtuple("R", "def x", rename=True)("a", "b"))
attempt("defaults dict", lambda: namedtuple("R", "a b", defaults={"q": 1})._field_defaults)
attempt("module", lambda: namedtuple("R", "a", module="mymod"))
attempt("type name non str", lambda: namedtuple(5, "a"))
attempt("empty", lambda: (namedtuple("E", ""), namedtuple("E", "")()))
attempt("tuple fields", lambda: namedtuple("E", ("a", "b"))._fields)
attempt("gen fields", lambda: namedtuple("E", (c for c in "ab"))._fields)

Result = namedtuple("Result", "worker value elapsed")

async def work(i):
    await asyncio.sleep(0.1 * i)
    return Result(f"w{i}", i * i, 0.1 * i)

async def main():
    results = await asyncio.gather(*(work(i) for i in range(1, 4)))
    for r in results:
        print(r, r.worker, r.value)
    best = max(results, key=lambda r: r.value)
    print("best:", best, best._asdict())
    total = sum(r.value for r in results)
    print("total", total, sorted(results, key=lambda r: -r.elapsed)[0].worker)
    worker, value, elapsed = results[0]
    print(worker, value, round(elapsed, 2))
    jobs = [Job("fetch", 0.2), Job("parse"), Job("store", 0.3, 2)]
    tasks = [asyncio.create_task(asyncio.sleep(j.delay, result=j)) for j in jobs]
    for t in tasks:
        j = await t
        print("done", j.describe(), j.slow)

asyncio.run(main())

# Construct: @dataclass(order=, frozen=, eq=, repr=, init=, unsafe_hash=) and field(repr=, compare=, hash=, init=) — the generated comparisons, FrozenInstanceError, __hash__ by CPython's table, their errors; an enum.Enum base and a frozen dataclass as a PriorityQueue item.
import asyncio
import dataclasses
import enum
from dataclasses import dataclass, field


class Level(enum.Enum):
    LOW = 1
    HIGH = 2


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False, default="")
    attempts: int = field(default=0, repr=False)


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


@dataclass(eq=False)
class Plain:
    a: int


@dataclass(unsafe_hash=True)
class Tagged:
    tag: str
    weight: float = field(default=1.0, hash=False)


@dataclass(repr=False, init=False)
class Bare:
    n: int = 3


@dataclass
class Counted:
    label: str
    count: int = field(default=0, init=False)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0


async def worker(q, results):
    while True:
        job = await q.get()
        await asyncio.sleep(0.1)
        results.append(job.name)
        q.task_done()


async def main():
    jobs = [Job(3, "c"), Job(1, "a"), Job(2, "b"), Job(1, "z", 4)]
    print(sorted(jobs))
    print(Job(1, "x") < Job(2, "a"), Job(1, "x") <= Job(1, "y"), Job(2) > Job(1), Job(1) >= Job(1), Job(1, "p") == Job(1, "q"))
    q = asyncio.PriorityQueue()
    for j in jobs:
        q.put_nowait(j)
    results = []
    t = asyncio.create_task(worker(q, results))
    await q.join()
    t.cancel()
    print(results)
    p = Point(1, 2)
    print(p, p == Point(1, 2), hash(p) == hash((1, 2)), {p: "here"}[Point(1, 2)])
    for attempt in (lambda: setattr(p, "x", 5), lambda: delattr(p, "y"), lambda: setattr(p, "z", 1)):
        try:
            attempt()
        except dataclasses.FrozenInstanceError as e:
            print(type(e).__name__, e, isinstance(e, AttributeError))
    plain = Plain(1)
    print(Plain(1) == Plain(1), hash(plain) == hash(plain), Plain(2))
    print(Tagged("x") == Tagged("x", 2.0), hash(Tagged("x", 1.0)) == hash(Tagged("x", 5.0)), Tagged("y"))
    b = Bare()
    print(repr(b).startswith("<__main__.Bare object at"), b.n)
    c = Counted("hits")
    c.count += 2
    print(c, Level.HIGH, Level(1))
    print(sorted([Version(1, 2), Version(0, 9), Version(1)]), Version(2) > Version(1, 9))
    for bad in (lambda: Job(1) < Point(1), lambda: Job(1) < 5, lambda: Version(1) <= Job(1)):
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)
    try:
        Counted("x", 3)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())

# obj.x = v in loops while classes change: a property (with and without a getter, setter or deleter, named by a class body or not) put on the class or a base later and removed, a plain class attribute shadowed by the instance, vars() taken before stores, a frozen dataclass, setattr/delattr mixed in, an instance of a subclass made later, stores from tasks
import asyncio
from dataclasses import dataclass, FrozenInstanceError


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Base:
    level = 0


class Point(Base):
    def __init__(self, x):
        self.x = x

    def move(self, d):
        self.x = self.x + d
        self.level = self.level + 1
        return self.x


p = Point(1)
log = []
for i in range(8):
    if i == 2:
        Point.x = property(lambda self: "property x")
    if i == 4:
        Point.x = property(lambda self: "getter", lambda self, v: log.append(("setter", v)))
    if i == 6:
        del Point.x
    try:
        p.x = i
        log.append(("stored", p.x))
    except Exception as e:
        log.append((type(e).__name__, str(e)))
print(log)
print(vars(p))

q = Point(10)
for i in range(3):
    q.move(1)
print(q.x, q.level, Base.level, Point.level)
Base.level = property(lambda self: 100)
show("level now a property of the base", lambda: q.move(1))
del Base.level
show("level gone", lambda: (q.move(1), q.level))

r = Point(0)
v = vars(r)
for i in range(3):
    r.x = i
    r.extra = i * 10
print(v, vars(r) is v)
setattr(r, "x", 99)
print(v)
delattr(r, "extra")
r.extra = "again"
print(v, r.extra)


@dataclass(frozen=True)
class Frozen:
    a: int


fz = Frozen(1)
for i in range(2):
    try:
        fz.a = i
    except FrozenInstanceError as e:
        print("frozen", type(e).__name__, e)


@dataclass
class Mutable:
    a: int

    def bump(self):
        self.a += 1
        return self.a


mu = Mutable(5)
print([mu.bump() for _ in range(3)], mu)


class Later(Point):
    pass


objs = [Point(0), Later(0)]
for i in range(4):
    for o in objs:
        o.x = i
Later.x = property(lambda self: "Later's x")
for o in objs:
    show(type(o).__name__, lambda: setattr(o, "x", 1) or o.x)

Point.y = property(None, lambda self, v: print("  y set", v))
p.y = 3
show("no getter", lambda: p.y)
Point.z = property(lambda self: "z")
show("no deleter", lambda: delattr(p, "z"))


class Named:
    @property
    def w(self):
        return "w"


show("named, no setter", lambda: setattr(Named(), "w", 1))
show("named, no deleter", lambda: delattr(Named(), "w"))

o = object()
show("object()", lambda: setattr(o, "x", 1))


class Counter:
    def __init__(self):
        self.n = 0


async def bump(c, times):
    for _ in range(times):
        c.n = c.n + 1
        await asyncio.sleep(0)


async def main():
    c = Counter()
    await asyncio.gather(bump(c, 5), bump(c, 7))
    print("counter", c.n)


asyncio.run(main())

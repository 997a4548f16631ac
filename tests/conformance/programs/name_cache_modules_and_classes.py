# Names found while what they name changes: a module's global name rebound to something else and back (math, asyncio inside a task), a dataclass's generated methods and an Enum's members read in loops, a method inherited through 20 classes (past the cached depth) and replaced, a class made in a loop each time
import asyncio
import dataclasses
import enum
import math


def roots(xs):
    return [math.sqrt(x) for x in xs]


print(roots([4, 9]))
math = "a str named math now"
try:
    print(roots([4, 9]))
except AttributeError as e:
    print(type(e).__name__, e)
import math
print(roots([16]))


@dataclasses.dataclass
class Point:
    x: int
    y: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Color(enum.Enum):
    RED = 1
    GREEN = 2


points = [Point(i, -i) for i in range(3)]
print([p.norm1() for p in points], [repr(p) for p in points], points[0] == Point(0, 0))
Point.norm1 = lambda self: "replaced norm1"
print([p.norm1() for p in points])
print([Color(i).name for i in (1, 2, 1)], [c.value for c in Color])

classes = []
for n in range(3):
    class Made:
        def who(self, n=n):
            return "made " + str(n)
    classes.append(Made)
print([c().who() for c in classes])


class Level0:
    def where(self):
        return "level 0"


deep = Level0
for depth in range(20):
    class Deeper(deep):
        pass
    deep = Deeper
d = deep()
print([d.where() for _ in range(2)], isinstance(d, Level0))
Level0.where = lambda self: "level 0, replaced"
print(d.where())


async def main():
    global asyncio
    real = asyncio
    print([await asyncio.sleep(0, i) for i in range(2)])
    asyncio = None
    try:
        await asyncio.sleep(0)
    except AttributeError as e:
        print(type(e).__name__, e)
    asyncio = real
    print(await asyncio.sleep(0, "real again"))
    await asyncio.wait_for(asyncio.sleep(0.01), 1)
    print("wait_for still works")


asyncio.run(main())

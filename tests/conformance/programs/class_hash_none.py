# `__hash__ = None` in a class body: instances unhashable (hash, set, dict key), inherited by a subclass, a subclass may give __hash__ back; the attribute reads None
import asyncio


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    __hash__ = None


class Named(Point):
    pass


class Hashable(Point):
    def __hash__(self):
        return hash((self.x, self.y))


class EqOnly:
    def __eq__(self, other):
        return True


async def main():
    p = Point(1, 2)
    print(Point.__hash__, Named.__hash__ is None, p == Point(1, 2))
    for make in (lambda: hash(p), lambda: {p}, lambda: {p: 1}, lambda: hash(Named(0, 0)), lambda: hash(EqOnly())):
        try:
            make()
        except TypeError as e:
            print("TypeError:", e)
    h = Hashable(3, 4)
    print(hash(h) == hash((3, 4)), len({h, h}), {h: "v"}[h])
    await asyncio.sleep(0)
    print([p] == [p], p in [p], p in (p,))
    try:
        print(p in {1, 2})
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())

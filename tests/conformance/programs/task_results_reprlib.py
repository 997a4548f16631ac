# A finished task's repr shows its result through reprlib.repr: six items of a list, tuple, set or
# deque, four of a dict (sorted when its keys compare), 30 characters of a str or any other repr,
# 40 digits of an int, six levels deep.
import asyncio
from collections import deque, defaultdict


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r}, label='a fairly long label')"


class Broken:
    def __repr__(self):
        raise RuntimeError("no repr")


class Short:
    pass


async def give(v):
    return v


async def main():
    values = [
        list(range(10)), list(range(6)), list(range(7)), [], (1,), (), tuple(range(8)),
        {3, 1, 2, 9, 8, 7, 6}, set(), frozenset({5, 4}), frozenset(), frozenset(range(9)),
        {"b": 1, "a": 2, "d": 3, "c": 4, "e": 5}, {}, {1: "x", "y": 2}, {(2, 1): 1, (1, 2): 2},
        "x" * 50, "short", "é" * 40, "it's" * 10, 'a"b' * 12, 2 ** 200, -(10 ** 45), 10 ** 39,
        1.5, 1e300 / 7, True, None, deque(range(10)), deque(), defaultdict(list, {1: [2]}),
        [[[[[[[1]]]]]]], [[[[[[1]]]]]], {"k": {"k": {"k": {"k": {"k": {"k": {"k": 1}}}}}}},
        Point(1, 2), Broken(), range(100), [Point(1, 2), "x" * 40, 2 ** 150],
        {Point(1, 2): 1, Point(3, 4): 2}, {3: None, 1: None, 2: None, 0: None, 5: None},
        ("one",), [(), [], {}], Short,
    ]
    for v in values:
        t = asyncio.create_task(give(v))
        await t
        text = repr(t)
        print(text[text.index("result="):])


asyncio.run(main())

# Construct: slice() objects as learners use them: slice(stop) and slice(start, stop, step), their repr, .start/.stop/.step, indices(), as a subscript of lists, tuples and strings (read, assign, delete), equality and order, isinstance/type, and the TypeErrors and ValueErrors of wrong use.
import asyncio


async def page(items, size):
    pages = []
    for start in range(0, len(items), size):
        window = slice(start, start + size)
        await asyncio.sleep(0.01)
        pages.append((window, items[window]))
    return pages


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


async def main():
    for window, chunk in await page(list(range(10)), 4):
        print(window, window.start, window.stop, window.step, chunk)
    s = slice(1, 8, 2)
    xs = list("abcdefghij")
    print(s, repr(s), str(s), [s], xs[s], tuple(xs)[s], "abcdefghij"[s], xs[slice(3)], xs[slice(None, None, -3)])
    print(slice(5), slice(None), slice(1, 2), slice("a", [1], 2.5), slice(-1, None, -1).indices(4))
    print(s.indices(5), s.indices(100), slice(None, None, -1).indices(10), slice(-100, 100, 3).indices(10), slice(10, -10, -2).indices(6))
    print(list(range(10))[slice(2, 7)], len(range(*s.indices(20))))
    ys = list(range(10))
    ys[slice(0, 3)] = ["x"]
    print(ys)
    del ys[slice(None, None, 2)]
    print(ys)
    ys[slice(0, 4, 2)] = [7, 8]
    print(ys)
    print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1) == slice(None, 1), slice(1, 2) < slice(1, 3), slice(2) > slice(1),
          slice(1) == (None, 1, None), s == s, slice(1, 2) <= slice(1, 2))
    print(type(s), type(s) is slice, isinstance(s, slice), isinstance(1, slice), type(s).__name__, slice)
    print(sorted([slice(3), slice(1), slice(2)]))
    show("no args", lambda: slice())
    show("four args", lambda: slice(1, 2, 3, 4))
    show("keyword", lambda: slice(stop=2))
    show("indices none", lambda: s.indices())
    show("indices two", lambda: s.indices(1, 2))
    show("indices keyword", lambda: s.indices(length=3))
    show("indices str", lambda: s.indices("5"))
    show("indices float", lambda: s.indices(5.0))
    show("indices negative", lambda: s.indices(-1))
    show("step zero", lambda: slice(1, 5, 0).indices(3))
    show("step zero subscript", lambda: xs[slice(1, 5, 0)])
    show("bad start", lambda: slice("a", 5).indices(3))
    show("bad stop", lambda: xs[slice(1, 2.5)])
    show("bad step", lambda: slice(1, 5, "c").indices(3))
    show("hash", lambda: hash(slice(1)))
    show("dict key", lambda: {slice(1): 1})
    show("order", lambda: slice(1) < 3)
    show("mixed order", lambda: slice(1, 2) < slice("a", 2))
    show("readonly", lambda: setattr(s, "start", 3))
    show("no attribute", lambda: setattr(s, "colour", 3))
    show("missing attribute", lambda: s.colour)


asyncio.run(main())

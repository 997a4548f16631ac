# Construct: itertools.groupby as learners use it (runs of equal keys, key=, sorted first, groups kept as lists) and as CPython's C code behaves: lazy, a group invalidated when the outer iterator advances, a half-read group skipped, the key function called once per item, its reprs and type, and its argument errors.
import asyncio
import itertools
from itertools import groupby


class Loud:
    def __init__(self, items):
        self.items = list(items)

    def __iter__(self):
        for x in self.items:
            print("  draw", x)
            yield x


async def main():
    words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
    for letter, group in groupby(words, key=lambda w: w[0]):
        await asyncio.sleep(0.01)
        print(letter, list(group))
    print([(k, len(list(g))) for k, g in groupby("AAAABBBCCDAABBB")])
    print([k for k, g in groupby(sorted(words, key=len), key=len)])
    print(list(groupby([])), [(k, list(g)) for k, g in groupby([1, 1.0, True, 2, 2])])
    # groups are invalidated when the outer iterator moves on
    pairs = list(groupby("aabbbc"))
    print([(k, list(g)) for k, g in pairs])
    it = groupby("aaabbc")
    k1, g1 = next(it)
    print(k1, next(g1))
    k2, g2 = next(it)
    print(k2, list(g1), list(g2), list(g2))
    print(next(it)[0], list(it), list(it))
    # laziness: what is drawn when
    calls = []

    def key(x):
        calls.append(x)
        return x // 10

    g = groupby(Loud([1, 2, 11, 12, 21]), key=key)
    print("made")
    k, grp = next(g)
    print("first key", k)
    print("first item", next(grp))
    k, grp = next(g)
    print("second key", k, list(grp))
    print("rest", [(k, list(v)) for k, v in g], calls)
    # reading a group after its key ended, and an exhausted group
    g = groupby([1, 1, 2])
    k, grp = next(g)
    print(list(grp), list(grp), next(grp, "done"))
    print(next(g)[0], next(g, "end"), next(g, "end"))
    print(type(groupby("ab")).__name__, isinstance(groupby("a"), groupby), type(next(groupby("a"))[1]).__name__)
    print(repr(groupby("a")).startswith("<itertools.groupby object at 0x"), repr(next(groupby("a"))[1]).startswith("<itertools._grouper object at 0x"))
    print(iter(g) is g, [list(v) for k, v in groupby([[1], [1], [2]])])
    for bad in (lambda: groupby(), lambda: groupby(1), lambda: groupby("a", len, 3), lambda: groupby("a", keyfunc=len),
                lambda: groupby(iterable="ab", key=lambda c: c.upper()), lambda: list(groupby("ab", key=5)), lambda: list(groupby([1, "a"], key=lambda x: 1 / 0))):
        try:
            r = bad()
            print("ok", [(k, list(v)) for k, v in r] if not isinstance(r, list) else r)
        except Exception as e:
            print(type(e).__name__, e)


asyncio.run(main())

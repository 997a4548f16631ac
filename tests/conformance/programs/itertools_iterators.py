# Construct: itertools' iterators: what they give, what they draw from the iterators underneath and
# when (a generator that prints as it yields), their reprs, and how they end.
import asyncio
import itertools
from itertools import accumulate, chain, count, cycle, islice, repeat


def noisy(name, items):
    for item in items:
        print("  draw", name, item)
        yield item


async def main():
    c = count(10, 5)
    print(next(c), next(c), c, count(), count(2.5, -0.5), count(True), count(True, 2), count(2, 1.0), count(2 ** 70))
    print(list(islice(count(0.1, 0.1), 4)), next(count(True, 2)), list(islice(count(10**19, 10**19), 3)))
    r = repeat("ab", 3)
    print(r, next(r), r, list(r), r, list(r), repeat(None), repeat(7, -2), list(repeat(7, 0)))
    print(list(islice(cycle("xyz"), 8)), list(cycle([])))
    cy = cycle(noisy("c", [1, 2]))
    print([next(cy) for _ in range(5)])
    print(list(accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], max)), list(accumulate("abc")), list(accumulate([], initial=0)))
    print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([2.5, 1], lambda a, b: a / b)))
    print(list(chain("ab", [1], (), range(3), {"k": 1})), list(chain()), list(chain.from_iterable(["ab", "cd"])))
    lazy = chain(noisy("a", [1, 2]), noisy("b", [3]))
    print("made")
    print(next(lazy), list(lazy), list(lazy))
    print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(itertools.compress("ABC", [0, 1, 1, 1, 1])),
          list(itertools.compress("ABCD", (x > 1 for x in range(3)))))
    print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
    tw = itertools.takewhile(lambda x: x < 2, noisy("t", [1, 2, 1]))
    print(list(tw), list(tw))
    print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, "", "x", None, []])))
    print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
    print(list(islice(range(10), 1, 8, 3)), list(islice(range(3), 5, 10)), list(islice(range(3), None)), list(islice([], 0)))
    sl = islice(noisy("s", range(10)), 2, 7, 2)
    print(list(sl))
    sl = islice(noisy("z", range(3)), 0)
    print(list(sl))
    print(list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(itertools.starmap(max, ["ab", [1, 9, 3]])))
    print(list(itertools.zip_longest("ABCD", "xy", fillvalue="-")), list(itertools.zip_longest()), list(itertools.zip_longest([1], [], [2, 3])))
    zl = itertools.zip_longest(noisy("l", [1]), noisy("r", [1, 2]))
    print(list(zl))
    print(list(itertools.pairwise("ABCDE")), list(itertools.pairwise("A")), list(itertools.pairwise([])))
    it = iter([1, 2, 3])
    print(list(itertools.pairwise(it)), list(it))
    await asyncio.sleep(0)
    for made in (chain(), cycle(""), islice([], 1), itertools.pairwise([])):
        print(type(made), type(made).__name__, type(made) is getattr(itertools, type(made).__name__), iter(made) is made)
    print(isinstance(count(), count), isinstance(chain(), count), isinstance(chain(), itertools.chain), itertools.chain, itertools.islice)
    print(repr(chain())[:26], str(cycle([]))[:26])


asyncio.run(main())

# Construct: itertools.tee — n lazy copies of one iterator sharing what was drawn (each item drawn from the source once, when the copy furthest ahead asks), copies at different paces and past a link of 57 items, tee of a tee (the same object first, a copy at its position), n=0 and n=1, the _tee type and repr, a tee re-entered from the generator it draws from, and CPython's argument errors.
import asyncio
import itertools
from itertools import tee


def attempt(label, action):
    try:
        print(label, action())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


def numbers(limit):
    for n in range(limit):
        print("  drawn", n)
        yield n


async def main():
    a, b = tee(numbers(4))
    print(type(a), type(a).__name__, a is b, isinstance(a, type(b)), tee)
    print(next(a), next(a), next(b))
    print(list(a), list(b), list(a), next(b, "done"))

    first, second, third = tee("abcdef", 3)
    print(next(first), "".join(second), next(first), list(third), list(first))
    print(tee([1, 2], 0), len(tee([1, 2], 1)), [list(t) for t in tee(range(3), 4)])

    x, y = tee(iter([1, 2, 3]))
    p, q = tee(x)
    print(p is x, q is x, next(p), next(q), next(x), list(y), list(q))

    long_a, long_b = tee(range(200))
    ahead = [next(long_a) for _ in range(130)]
    print(sum(ahead), next(long_b), sum(long_b), sum(long_a), list(long_a))

    pairs = tee(range(10))
    print(list(zip(pairs[0], itertools.islice(pairs[1], 1, None))))
    evens, odds = tee(n for n in range(10))
    print([n for n in evens if n % 2 == 0], [n for n in odds if n % 2])

    def running_pairs(values):
        current, after = tee(values)
        next(after, None)
        return zip(current, after)

    print(list(running_pairs([3, 1, 4, 1, 5])), list(running_pairs([])))

    holder = []

    def reentrant():
        yield 1
        yield next(holder[0])

    holder.extend(tee(reentrant()))
    print(next(holder[0]))
    attempt("re-entered:", lambda: next(holder[0]))

    attempt("no arguments:", lambda: tee())
    attempt("three arguments:", lambda: tee([1], 2, 3))
    attempt("n a str:", lambda: tee([1], "a"))
    attempt("n a float:", lambda: tee([1], 2.0))
    attempt("n negative:", lambda: tee([1], -1))
    attempt("n by keyword:", lambda: tee([1], n=2))
    attempt("not iterable:", lambda: tee(5))
    attempt("bool n:", lambda: len(tee([1], True)))

    async def produce(t, name):
        for item in t:
            print(name, item)
            await asyncio.sleep(0.1 if name == "slow" else 0.05)

    fast, slow = tee(range(4))
    await asyncio.gather(produce(fast, "fast"), produce(slow, "slow"))


asyncio.run(main())

# Construct: itertools' argument errors and the errors raised while iterating, as CPython words them.
import asyncio
import itertools as it


def attempt(text, make):
    try:
        result = make()
        print(text, "->", type(result).__name__)
    except Exception as e:
        print(text, "!!", type(e).__name__, e)


async def main():
    cases = [
        ("it.count('a')", lambda: it.count('a')),
        ("it.count(1, 'a')", lambda: it.count(1, 'a')),
        ('it.count(1, 2, 3)', lambda: it.count(1, 2, 3)),
        ('it.count(x=1)', lambda: it.count(x=1)),
        ('it.count(start=2, step=3)', lambda: it.count(start=2, step=3)),
        ('it.count(None)', lambda: it.count(None)),
        ('it.repeat()', lambda: it.repeat()),
        ('it.repeat(1, 2, 3)', lambda: it.repeat(1, 2, 3)),
        ("it.repeat(1, 'a')", lambda: it.repeat(1, 'a')),
        ('it.repeat(1, None)', lambda: it.repeat(1, None)),
        ('it.repeat(1, times=2)', lambda: it.repeat(1, times=2)),
        ('it.repeat(object=1)', lambda: it.repeat(object=1)),
        ('it.repeat(1, 2**70)', lambda: it.repeat(1, 2**70)),
        ('it.repeat(1, x=2)', lambda: it.repeat(1, x=2)),
        ('it.repeat(1, 2, times=3)', lambda: it.repeat(1, 2, times=3)),
        ('it.cycle()', lambda: it.cycle()),
        ('it.cycle(1)', lambda: it.cycle(1)),
        ('it.cycle([], x=1)', lambda: it.cycle([], x=1)),
        ('it.cycle([], [])', lambda: it.cycle([], [])),
        ('it.accumulate()', lambda: it.accumulate()),
        ('it.accumulate(1)', lambda: it.accumulate(1)),
        ('it.accumulate([1], None, 5)', lambda: it.accumulate([1], None, 5)),
        ('it.accumulate([1], initial=5, x=1)', lambda: it.accumulate([1], initial=5, x=1)),
        ('it.accumulate(iterable=[1], func=None)', lambda: it.accumulate(iterable=[1], func=None)),
        ('it.chain(1)', lambda: it.chain(1)),
        ('it.chain([], k=1)', lambda: it.chain([], k=1)),
        ('it.chain.from_iterable(1)', lambda: it.chain.from_iterable(1)),
        ('it.chain.from_iterable()', lambda: it.chain.from_iterable()),
        ('it.chain.from_iterable([], [])', lambda: it.chain.from_iterable([], [])),
        ('it.compress([1])', lambda: it.compress([1])),
        ('it.compress(1, [])', lambda: it.compress(1, [])),
        ('it.compress([], 1)', lambda: it.compress([], 1)),
        ('it.compress(data=[1], selectors=[1])', lambda: it.compress(data=[1], selectors=[1])),
        ('it.dropwhile(None)', lambda: it.dropwhile(None)),
        ('it.dropwhile(None, 1)', lambda: it.dropwhile(None, 1)),
        ('it.takewhile(1, 2, 3)', lambda: it.takewhile(1, 2, 3)),
        ('it.filterfalse(None)', lambda: it.filterfalse(None)),
        ('it.starmap(len)', lambda: it.starmap(len)),
        ('it.islice()', lambda: it.islice()),
        ('it.islice([1])', lambda: it.islice([1])),
        ('it.islice([1], -1)', lambda: it.islice([1], -1)),
        ('it.islice([1], -5)', lambda: it.islice([1], -5)),
        ("it.islice([1], 'a')", lambda: it.islice([1], 'a')),
        ('it.islice([1], 1, 2, 0)', lambda: it.islice([1], 1, 2, 0)),
        ('it.islice([1], 1, 2, 3, 4)', lambda: it.islice([1], 1, 2, 3, 4)),
        ('it.islice(1, 2)', lambda: it.islice(1, 2)),
        ("it.islice(1, 'a')", lambda: it.islice(1, 'a')),
        ('it.islice([1], None)', lambda: it.islice([1], None)),
        ('it.islice([1], 1.5)', lambda: it.islice([1], 1.5)),
        ('it.islice([1], 0, -1)', lambda: it.islice([1], 0, -1)),
        ('it.islice([1], -1, 2)', lambda: it.islice([1], -1, 2)),
        ("it.islice([1], 'a', 2)", lambda: it.islice([1], 'a', 2)),
        ("it.islice([1], 0, 2, 'a')", lambda: it.islice([1], 0, 2, 'a')),
        ('it.islice([1], 0, 2, -1)', lambda: it.islice([1], 0, 2, -1)),
        ('it.islice([1], stop=2)', lambda: it.islice([1], stop=2)),
        ('it.islice([], 2**70)', lambda: it.islice([], 2**70)),
        ('it.islice([], 2**63 - 1)', lambda: it.islice([], 2**63 - 1)),
        ('it.zip_longest(1)', lambda: it.zip_longest(1)),
        ('it.zip_longest([], x=1)', lambda: it.zip_longest([], x=1)),
        ('it.pairwise()', lambda: it.pairwise()),
        ('it.pairwise(1)', lambda: it.pairwise(1)),
        ('it.pairwise([], [])', lambda: it.pairwise([], [])),
        ('it.product(1)', lambda: it.product(1)),
        ('it.product([], repeat=-1)', lambda: it.product([], repeat=-1)),
        ("it.product([], repeat='a')", lambda: it.product([], repeat='a')),
        ('it.product([], x=1)', lambda: it.product([], x=1)),
        ('it.permutations()', lambda: it.permutations()),
        ('it.permutations(1)', lambda: it.permutations(1)),
        ('it.permutations([], -1)', lambda: it.permutations([], -1)),
        ("it.permutations([], 'a')", lambda: it.permutations([], 'a')),
        ('it.permutations([], 1.0)', lambda: it.permutations([], 1.0)),
        ('it.permutations([], 1, 2)', lambda: it.permutations([], 1, 2)),
        ('it.permutations([], r=1, x=2)', lambda: it.permutations([], r=1, x=2)),
        ('it.combinations([])', lambda: it.combinations([])),
        ('it.combinations([], -1)', lambda: it.combinations([], -1)),
        ("it.combinations([1], 'a')", lambda: it.combinations([1], 'a')),
        ('it.combinations(1, 2)', lambda: it.combinations(1, 2)),
        ('it.combinations([], r=1)', lambda: it.combinations([], r=1)),
        ('it.combinations_with_replacement([], -2)', lambda: it.combinations_with_replacement([], -2)),
        ("it.combinations_with_replacement('a')", lambda: it.combinations_with_replacement('a')),
        ('next(it.starmap(len, [1]))', lambda: next(it.starmap(len, [1]))),
        ('list(it.starmap(len, [[1]]))', lambda: list(it.starmap(len, [[1]]))),
        ("next(it.accumulate(['a', 1]))", lambda: next(it.accumulate(['a', 1]))),
        ("list(it.accumulate(['a', 1]))", lambda: list(it.accumulate(['a', 1]))),
        ('list(it.chain([1], 2))', lambda: list(it.chain([1], 2))),
        ('list(it.dropwhile(len, [1]))', lambda: list(it.dropwhile(len, [1]))),
        ("next(it.count('a' if False else 1, 0.5))", lambda: next(it.count('a' if False else 1, 0.5))),
        ('list(it.islice(it.count(), 3))', lambda: list(it.islice(it.count(), 3))),
        ('len(it.repeat(1, 3))', lambda: len(it.repeat(1, 3))),
        ('it.count()[0]', lambda: it.count()[0]),
        ('next(it.repeat(1, 0))', lambda: next(it.repeat(1, 0))),
    ]
    for text, make in cases:
        attempt(text, make)
    await asyncio.sleep(0)


asyncio.run(main())

# Construct: functools.partial (arguments first, keywords merged, a partial of a partial flattened, its
# func/args/keywords, repr and type, a partial of a coroutine function made into tasks) and
# functools.reduce, with their errors; a keyword given twice is named before too many positionals.
import asyncio
import functools
from functools import partial, reduce


def power(base, exponent, *, label="="):
    return f"{base}**{exponent} {label} {base ** exponent}"


async def worker(name, delay, *, loud=False):
    await asyncio.sleep(delay)
    print(name.upper() if loud else name, "done after", delay)
    return name


async def main():
    square = partial(power, exponent=2)
    cube = partial(power, exponent=3, label="is")
    print(square(4), cube(2), cube(2, label="=>"), square(3, exponent=5))
    print(square.func is power, square.args, square.keywords, cube.keywords)
    p = partial(partial(power, 2), label="~")
    print(p(10), p.args, p.keywords, p.func is power)
    print(repr(partial(max, 1, 2, key=abs)), type(p), type(p) is partial, isinstance(p, partial), callable(p))
    tasks = [asyncio.create_task(partial(worker, n, d)(loud=d > 1)) for n, d in [("a", 2), ("b", 1)]]
    print(await asyncio.gather(*tasks))
    print(reduce(lambda a, b: a * b, range(1, 8)), reduce(max, [3, 9, 2], 100), reduce(lambda a, b: a + b, ["x"], "y"))
    for bad in [lambda: reduce(max, []), lambda: reduce(max, 5), lambda: reduce(max), lambda: partial(), lambda: partial(3),
                lambda: reduce(max, [], x=1), lambda: partial(max).nothing, lambda: square(1, 2, 3)]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
    print(sorted(["bb", "a", "ccc"], key=partial(len)), list(map(partial(pow, 2), range(5))))
    print(partial(round, ndigits=1), functools.partial(len)("abc"), partial(round, ndigits=1)(2.25))


asyncio.run(main())

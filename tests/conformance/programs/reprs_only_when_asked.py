# The engine shows awaited results and task outcomes on the page, but a program's __repr__ and
# __str__ run only where CPython calls them: one that prints or raises changes nothing until asked.
import asyncio


class Loud:
    def __repr__(self):
        print("__repr__ called")
        raise RuntimeError("no repr")

    def __str__(self):
        print("__str__ called")
        return "loud"


async def give():
    await asyncio.sleep(0.1)
    return Loud()


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError(Loud())


async def main():
    x = await give()
    t = asyncio.create_task(give())
    y = await t
    u = asyncio.create_task(fail())
    try:
        await u
    except ValueError as e:
        print("caught", type(e.args[0]).__name__)
    results = await asyncio.gather(give(), give())
    print(len(results), type(x).__name__, type(y).__name__)
    print(str(y))
    try:
        print(repr(x))
    except RuntimeError as e:
        print("repr raised", e)


asyncio.run(main())

# CPython's TypeErrors for what an await cannot use: __await__ returning a non-iterator, a coroutine,
# an iterable that is not an iterator; an object without __await__; __await__ itself raising; an
# `async def __await__` (its coroutine returned, then never awaited).
import asyncio


class ReturnsInt:
    def __await__(self):
        return 1


class ReturnsList:
    def __await__(self):
        return [1, 2]


async def helper():
    return "helper"


class ReturnsCoroutine:
    def __init__(self):
        self.coro = helper()

    def __await__(self):
        return self.coro


class ReturnsFuture:
    def __await__(self):
        return asyncio.get_running_loop().create_future()


class Plain:
    pass


class AsyncAwait:
    async def __await__(self):
        return 1


class Raises:
    def __await__(self):
        raise KeyError("no await today")


async def main():
    for obj in (ReturnsInt(), ReturnsList(), ReturnsCoroutine(), ReturnsFuture(), Plain(), 3, Raises(), AsyncAwait()):
        try:
            print(await obj)
        except (TypeError, KeyError) as e:
            print(type(obj).__name__, type(e).__name__, e)
        if isinstance(obj, ReturnsCoroutine):
            obj.coro.close()


asyncio.run(main())

# An exception raised inside a custom awaitable's __await__ and left uncaught: the traceback shows the
# awaiting coroutines' lines and the __await__ generator's frames, as CPython prints it.
import asyncio


class Inner:
    def __await__(self):
        yield
        return {}["missing"]


class Outer:
    def __await__(self):
        value = yield from Inner().__await__()
        return value


async def fetch():
    return await Outer()


async def main():
    print("fetching")
    await fetch()


asyncio.run(main())

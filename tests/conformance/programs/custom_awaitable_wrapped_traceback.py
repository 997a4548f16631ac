# An exception inside an __await__ run by ensure_future's task (_wrap_awaitable) and left uncaught:
# the traceback shows asyncio's _wrap_awaitable frame between the awaiting line and __await__'s.
import asyncio


class Broken:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            yield
        raise ValueError(f"broken after {self.n} yields")


async def main():
    first = asyncio.ensure_future(Broken(1))
    try:
        await first
    except ValueError as e:
        print("caught:", e)
    await asyncio.ensure_future(Broken(2))


asyncio.run(main())

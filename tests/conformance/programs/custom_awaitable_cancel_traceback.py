# ensure_future's task of a custom awaitable cancelled before its first step, awaited and left
# uncaught: CancelledError thrown into _wrap_awaitable before its first line (its decorator's line).
import asyncio


class Ready:
    def __await__(self):
        yield
        return 1


async def main():
    started = asyncio.ensure_future(Ready())
    print(await started)
    t = asyncio.ensure_future(Ready())
    t.cancel()
    await t


asyncio.run(main())

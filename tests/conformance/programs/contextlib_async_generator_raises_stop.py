# An @asynccontextmanager whose generator raises StopAsyncIteration in its teardown: CPython turns it
# into "RuntimeError: async generator raised StopAsyncIteration" (its cause) as it leaves the generator,
# and the task, then asyncio.run(), end with that RuntimeError. Entering a used manager again is
# contextlib's AttributeError, raised when __aenter__() is awaited.
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def once():
    yield "first"


@asynccontextmanager
async def teardown_stops():
    yield
    raise StopAsyncIteration("teardown")


async def main():
    used = once()
    async with used as v:
        print(v)
    entering = used.__aenter__()
    print(type(entering).__name__)
    try:
        await entering
    except AttributeError as e:
        print("AttributeError:", e)
    task = asyncio.create_task(asyncio.sleep(0.5))
    async with teardown_stops():
        await task
        print("body done")


asyncio.run(main())

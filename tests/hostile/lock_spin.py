# Taking and giving back a Lock without end, never yielding: the step bound ends it.
# expect: ResourceLimitError steps
import asyncio


async def main():
    lock = asyncio.Lock()
    while True:
        async with lock:
            pass


asyncio.run(main())

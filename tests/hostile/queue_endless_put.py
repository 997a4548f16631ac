# A queue filled without end (put_nowait of big strings): the memory bound ends it.
# expect: ResourceLimitError max_memory_bytes
import asyncio


async def main():
    q = asyncio.Queue()
    while True:
        q.put_nowait("x" * 1000)


asyncio.run(main())

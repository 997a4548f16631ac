# Timers without end on the heap, each with an argument: the memory bound ends it.
# expect: ResourceLimitError max_memory_bytes
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    i = 0
    while True:
        loop.call_later(i % 1000, print, "x" * 100)
        i += 1


asyncio.run(main())

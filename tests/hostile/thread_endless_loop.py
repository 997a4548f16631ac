# A worker thread (asyncio.to_thread) that never returns ends at the step bound, in slices like a task.
# expect: ResourceLimitError steps
import asyncio


def spin():
    n = 0
    while True:
        n += 1


async def main():
    await asyncio.to_thread(spin)


asyncio.run(main())

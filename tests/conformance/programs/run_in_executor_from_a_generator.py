# Calls submitted inside one generator expression: each starts a thread of its own, in order, and each
# thread's function runs until its time.sleep; the results come back in the order gather was given.
import asyncio
import time


def fetch(i):
    time.sleep(i / 4)
    print("fetched", i, "at", round(time.monotonic() - START, 2))
    return i * i


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(loop.run_in_executor(None, fetch, i) for i in range(1, 4)))
    print(results, loop.time() - START)


START = time.monotonic()
asyncio.run(main())

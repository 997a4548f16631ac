#!/usr/bin/env python3
"""The benchmark's program under python3 with its sleeps made zero: the figure to set beside
engine_bench's. Prints wall seconds per run and loop callbacks per second."""
import asyncio
import time

callbacks = 0


async def worker(n):
    for i in range(100):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*[worker(n) for n in range(1000)])


def count_callbacks():
    original = asyncio.events.Handle._run

    def counted(self):
        global callbacks
        callbacks += 1
        return original(self)
    asyncio.events.Handle._run = counted


if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main())
    plain = time.perf_counter() - start
    count_callbacks()
    asyncio.run(main())
    print(f"python3 {plain * 1000:.1f} ms per run; {callbacks} loop callbacks; "
          f"{callbacks / plain:,.0f} callbacks/s")

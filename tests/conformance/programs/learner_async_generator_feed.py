# A learner's price feed: an asynchronous generator per source, merged by tasks into a queue-like list,
# filtered with an async comprehension, summarised with typing annotations.
import asyncio
import random
from typing import AsyncIterator

random.seed(7)


async def prices(symbol: str, count: int, delay: float) -> AsyncIterator[tuple]:
    price = 100.0
    for tick in range(count):
        await asyncio.sleep(delay)
        price = round(price * (1 + random.uniform(-0.05, 0.05)), 2)
        yield symbol, tick, price


async def collect(symbol: str, count: int, delay: float, seen: list) -> int:
    n = 0
    async for sym, tick, price in prices(symbol, count, delay):
        seen.append((sym, tick, price))
        print(f"{asyncio.get_running_loop().time():.1f} {sym} #{tick}: {price:.2f}")
        n += 1
    return n


async def main():
    seen = []
    counts = await asyncio.gather(collect("ABC", 3, 0.5, seen), collect("XYZ", 4, 0.3, seen))
    print("counts", counts)
    high = [p async for _, _, p in prices("HI", 5, 0.1) if p > 100]
    print("high ticks", len(high), high)
    best = max(seen, key=lambda s: s[2])
    print("best", best)

asyncio.run(main())

import asyncio

counter = 0


async def locked(lock):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0)
        counter = value + 1


async def limited(semaphore, active, peak):
    async with semaphore:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        await asyncio.sleep(0)
        active[0] -= 1


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*[locked(lock) for _ in range(10000)])
    semaphore = asyncio.Semaphore(10)
    active, peak = [0], [0]
    await asyncio.gather(*[limited(semaphore, active, peak) for _ in range(10000)])
    print("counter:", counter, "peak:", peak[0])


asyncio.run(main())

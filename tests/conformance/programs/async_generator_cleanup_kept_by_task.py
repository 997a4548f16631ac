# Asynchronous generators closed after gather(), one kept alive by a cancelled task until that task
# goes, and generator expressions over a generator with a finally drawn by next(), a comprehension and any().
import asyncio
async def ticker(name, n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("closed", name, asyncio.current_task().get_name())
async def consumer(name, stop):
    async for t in ticker(name, 10):
        if t == stop:
            return t
async def worker():
    gen = ticker("w", 3)
    print(await gen.__anext__())
    await asyncio.sleep(1)
def pairs():
    try:
        yield from range(3)
    finally:
        print("pairs closed")
async def main():
    print(await asyncio.gather(consumer("a", 1), consumer("b", 2)))
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("worker cancelled")
    await asyncio.sleep(0)
    print(next(pairs()))
    print([x for x in pairs() if x < 1])
    print(any(x > 0 for x in pairs()))
asyncio.run(main())

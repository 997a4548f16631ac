# Barrier.reset() while the barrier drains: its resetting state and the tasks that see BrokenBarrierError (from a review against python3)
import asyncio

async def worker(b, i, delay):
    try:
        r = await b.wait()
        print("passed", i, r, b)
        await asyncio.sleep(delay)
        r = await b.wait()
        print("passed2", i, r, b)
    except asyncio.BrokenBarrierError:
        print("broken", i, b)

async def main():
    b = asyncio.Barrier(2)
    ts = [asyncio.create_task(worker(b, i, 0.1 * i)) for i in range(4)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main", b)
    await b.reset()
    print("main after reset", b)
    await asyncio.gather(*ts)
    print(b)

asyncio.run(main())

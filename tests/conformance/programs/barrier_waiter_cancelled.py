# Barrier: a task cancelled while it waits in wait(); the others and the count afterwards (from a review against python3)
import asyncio

async def worker(b, i):
    try:
        r = await b.wait()
        print("passed", i, r)
    except asyncio.CancelledError:
        print("cancelled", i, b)
        raise

async def main():
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(worker(b, i)) for i in range(2)]
    await asyncio.sleep(0.1)
    ts[0].cancel()
    await asyncio.sleep(0.1)
    print(b)
    ts.append(asyncio.create_task(worker(b, 2)))
    ts.append(asyncio.create_task(worker(b, 3)))
    r = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ for x in r])
    print(b)

asyncio.run(main())

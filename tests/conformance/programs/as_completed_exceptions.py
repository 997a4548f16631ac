# as_completed when some awaitables raise: each exception comes out of its own await (from a review against python3)
import asyncio

async def job(i, d):
    await asyncio.sleep(d)
    if i == 1:
        raise ValueError("bad job")
    return i

async def main():
    ts = [asyncio.create_task(job(i, 0.1 * (i + 1))) for i in range(3)]
    for c in asyncio.as_completed(ts):
        print(await c)

asyncio.run(main())

# Barrier.abort() while tasks drain: who gets BrokenBarrierError (from a review against python3)
import asyncio

async def w(b, i, log):
    try:
        r = await b.wait()
        log.append((i, r))
    except asyncio.BrokenBarrierError as e:
        log.append((i, str(e)))

async def main():
    b = asyncio.Barrier(2)
    log = []
    ts = [asyncio.create_task(w(b, i, log)) for i in range(5)]
    for _ in range(4):
        await asyncio.sleep(0)
        print(b)
    await b.abort()
    await asyncio.gather(*ts)
    print(log, b)
    await b.reset()
    print(b)
    await asyncio.gather(b.wait(), b.wait())
    print(b)

asyncio.run(main())

# Condition.wait inside asyncio.timeout: the lock is taken again before TimeoutError leaves the block (from a review against python3)
import asyncio

async def main():
    cond = asyncio.Condition()
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), 0.3)
        except asyncio.TimeoutError:
            print("timed out; locked =", cond.locked(), cond)
    async with cond:
        try:
            async with asyncio.timeout(0.2) as to:
                await cond.wait()
        except TimeoutError:
            print("timeout ctx; locked =", cond.locked(), to.expired(), to)
    print(cond)

asyncio.run(main())

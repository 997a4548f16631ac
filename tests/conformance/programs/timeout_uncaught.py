# An uncaught TimeoutError from asyncio.timeout: CPython's chained traceback (from a review against python3)
import asyncio

async def work():
    await asyncio.sleep(5)

async def main():
    async with asyncio.timeout(0.5):
        await work()

asyncio.run(main())

import asyncio
async def worker(n):
    for i in range(100):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*[worker(n) for n in range(1000)])
asyncio.run(main())

import asyncio
async def bad():
    await asyncio.sleep(1)
    return 1 / 0
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(2)
    print("main done")
asyncio.run(main())

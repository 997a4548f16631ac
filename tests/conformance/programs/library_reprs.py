# Reprs that show asyncio's own functions: shield's and wait_for's callbacks and a task running wait_for,
# each at CPython's file and line
import asyncio
async def main():
    inner = asyncio.create_task(asyncio.sleep(1))
    print(asyncio.shield(inner))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(asyncio.wait_for(fut, 1))
    t = asyncio.create_task(asyncio.wait_for(fut, 1))
    await asyncio.sleep(0)
    print(t)
    print(fut)
    async with asyncio.timeout(3):
        await asyncio.sleep(0)
        print(asyncio.current_task())
    await t
asyncio.run(main())

# Timeout.reschedule() called by another task: the deadline moves for the guarded task (from a review against python3)
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    holder = {}
    async def victim():
        async with asyncio.timeout(10) as cm:
            holder["cm"] = cm
            await asyncio.sleep(5)
    t = asyncio.create_task(victim())
    await asyncio.sleep(0.1)
    holder["cm"].reschedule(loop.time() + 0.2)
    print(holder["cm"])
    try:
        await t
    except TimeoutError:
        print("victim timed out at", round(loop.time(), 3), holder["cm"])
    async def victim2():
        async with asyncio.timeout(10) as cm:
            holder["cm"] = cm
            await asyncio.sleep(5)
    t = asyncio.create_task(victim2())
    await asyncio.sleep(0.1)
    holder["cm"].reschedule(0)
    try:
        await t
    except TimeoutError:
        print("victim2 timed out at", round(loop.time(), 3))

asyncio.run(main())

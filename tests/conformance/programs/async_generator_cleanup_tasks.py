# Asynchronous generators let go by a wait_for() timeout, a task that returns after one item, a TaskGroup's
# task and a rebound variable: each closed in an aclose() task of its own, numbered as CPython's.
import asyncio
async def feed(name):
    try:
        i = 0
        while True:
            yield i
            i += 1
            await asyncio.sleep(0.1)
    finally:
        print("feed closed", name, asyncio.current_task().get_name())
async def consumer(name):
    async for x in feed(name):
        print(name, x)
async def first(name):
    g = feed(name)
    return await anext(g)
async def main():
    try:
        await asyncio.wait_for(consumer("timed"), 0.25)
    except asyncio.TimeoutError:
        print("timed out")
    print(await first("first"))
    await asyncio.sleep(0)
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(first("tg"))
    print("tg result", t1.result())
    await asyncio.sleep(0.05)
    agen = feed("var")
    print(await agen.__anext__())
    agen = None
    print("rebound")
    await asyncio.sleep(0)
    print("end")
asyncio.run(main())

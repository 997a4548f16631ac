# A Lock and a Queue used by two asyncio.run calls: bound to a different event loop, with queues.py's frames
import asyncio
l = asyncio.Lock()
q = asyncio.Queue(1)
async def a():
    async with l:
        await asyncio.sleep(0.1)
async def b():
    await asyncio.gather(a(), a())
asyncio.run(b())
try:
    asyncio.run(b())
except RuntimeError as e:
    print("err", type(e), str(e)[:40])
async def c():
    await q.put(1)
    t = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print(q)
    t.cancel()
asyncio.run(c())
async def d():
    await q.put(3)
asyncio.run(d())

# Queue waiters cancelled: a getter cancelled while waiting, a putter on a full queue cancelled, the
# wake-up passed on; wait_for-free timeouts by cancelling
# conformance: whole stderr
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError:
        print(name, "cancelled", q)
        raise


async def putter(q, item):
    try:
        await q.put(item)
        print("put", item)
    except asyncio.CancelledError:
        print("putter of", item, "cancelled", q)
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("first")
    g1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(g1.cancelled(), g2.done(), q)
    full = asyncio.Queue(1)
    full.put_nowait(0)
    p1 = asyncio.create_task(putter(full, 1))
    p2 = asyncio.create_task(putter(full, 2))
    await asyncio.sleep(0.5)
    print(full)
    p1.cancel()
    print(full.get_nowait())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(full, p2.done())
    await p1


asyncio.run(main())

# asyncio.Condition and asyncio.Barrier: notify wakes waiters in FIFO order, wait_for re-checks its predicate,
# the barrier's draining/filling states and indexes, abort → BrokenBarrierError (traceback through locks.py)
import asyncio

async def consumer(cond, name, items):
    async with cond:
        print(name, "waiting", cond)
        await cond.wait_for(lambda: items)
        print(name, "got", items.pop(0), asyncio.get_running_loop().time())

async def producer(cond, items):
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            items.append(i)
            cond.notify()
            print("notified", cond)

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(3)]
    await producer(cond, items)
    await asyncio.gather(*tasks)
    print(repr(cond))
    try:
        cond.notify()
    except RuntimeError as e:
        print("error", e)
    b = asyncio.Barrier(3)
    print(b)
    async def w(i):
        await asyncio.sleep(i / 10)
        r = await b.wait()
        print("passed", i, r, b)
        return r
    print(await asyncio.gather(*(w(i) for i in range(3))))
    print(b, b.n_waiting, b.parties, b.broken)
    t = asyncio.create_task(w(9))
    await asyncio.sleep(1)
    print(b)
    await b.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("broken", repr(e), b)
    await b.wait()

asyncio.run(main())

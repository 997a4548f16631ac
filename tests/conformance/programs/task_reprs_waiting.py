# A task printed while it waits shows what it waits for (wait_for=) and who waits for it (cb=[...]),
# as base_tasks._task_repr_info writes them; a finished one shows its result as reprlib shortens it.
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


async def waiter(t):
    return await t


async def both(a, b):
    return await asyncio.gather(a, b)


async def fails():
    await asyncio.sleep(0.5)
    raise ValueError("no " * 20)


async def main():
    t = asyncio.create_task(work(1), name="worker's")
    print(t)
    ws = [asyncio.create_task(waiter(t)) for _ in range(3)]
    g = asyncio.create_task(both(work(2), work(3)))
    f = asyncio.create_task(fails())
    s = asyncio.create_task(work(5))
    sw = asyncio.create_task(waiter(s))
    await asyncio.sleep(0)
    print(t)
    for w in ws:
        print(w)
    print(g)
    sw.cancel()
    print(sw)
    await asyncio.sleep(0)
    print(sw)
    print(s)
    await asyncio.sleep(0)
    print(sw)
    try:
        await f
    except ValueError:
        print(f)
    await ws[1]
    print(ws[1])
    print(t)
    print(await g)
    print(g)
    await asyncio.sleep(0)
    print(ws[2])


asyncio.run(main())

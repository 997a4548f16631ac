# Reprs of tasks inside wait(), wait_for() and sleep(), with the library's callbacks at CPython's lines (from a review against python3)
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(1), name="sleeper")
    w = asyncio.create_task(asyncio.wait([t]), name="waiter")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t)
    print(w)
    w2 = asyncio.create_task(asyncio.wait_for(t, 5), name="wf")
    await asyncio.sleep(0)
    print(t)
    print(w2)
    s = asyncio.shield(t)
    print(t)
    await asyncio.sleep(1.5)
    print(w, w2)

asyncio.run(main())

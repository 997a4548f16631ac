# A finished task of a library coroutine shows where CPython defines it (Barrier.wait, Lock.acquire, wait_for ...) (from a review against python3)
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    lock = asyncio.Lock()
    await lock.acquire()
    cond = asyncio.Condition()
    ts = [asyncio.create_task(c, name=n) for n, c in [
        ("wait", asyncio.wait([f])), ("wait_for", asyncio.wait_for(f, 1)),
        ("lock", lock.acquire()), ("barrier", asyncio.Barrier(1).wait()),
        ("event", asyncio.Event().wait())]]
    await asyncio.sleep(0)
    for t in ts:
        print(t)
    await asyncio.sleep(2)
    for t in ts:
        t.cancel()
    await asyncio.sleep(0)
    for t in ts:
        print(t)

asyncio.run(main())

# Cancelling a task that waits in Lock.acquire: it leaves the waiters, the next one gets the lock
# conformance: whole stderr
import asyncio


async def holder(lock):
    async with lock:
        print("holder has the lock")
        await asyncio.sleep(1)
    print("holder released")


async def waiter(lock, name):
    try:
        async with lock:
            print(name, "has the lock at", asyncio.get_running_loop().time())
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting; locked:", lock.locked())
        raise


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    a = asyncio.create_task(waiter(lock, "a"))
    b = asyncio.create_task(waiter(lock, "b"))
    await asyncio.sleep(0.1)
    print(lock)
    a.cancel()
    await asyncio.sleep(0)
    print(lock)
    await asyncio.gather(h, b)
    print(a.cancelled(), lock)
    c = asyncio.create_task(waiter(lock, "c"))
    await asyncio.sleep(0)
    async with lock:
        c.cancel()
        await asyncio.sleep(0)
    try:
        await c
    except asyncio.CancelledError:
        print("c was cancelled")
    await lock.acquire()
    t = asyncio.create_task(waiter(lock, "t"))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    lock.release()
    await t


asyncio.run(main())

# Cancelling a task in Condition.wait: it takes the lock again before CancelledError leaves wait(),
# so its `async with` releases it; notify_all wakes everyone, each in turn holding the lock
import asyncio


async def waiter(cond, name):
    try:
        async with cond:
            print(name, "waits", cond)
            await cond.wait()
            print(name, "woken", cond.locked(), asyncio.get_running_loop().time())
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print(name, "cancelled; lock held:", cond.locked())
        raise
    finally:
        print(name, "leaves", cond)


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, f"w{i}")) for i in range(4)]
    await asyncio.sleep(1)
    async with cond:
        tasks[1].cancel()
        await asyncio.sleep(0)
        print("while held:", cond, tasks[1].done())
    await asyncio.sleep(0)
    print(tasks[1].cancelled(), cond)
    async with cond:
        cond.notify_all()
        print("notified all", cond)
    await asyncio.gather(*tasks, return_exceptions=True)
    print(cond)
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with lock:
        print(shared.locked(), shared)
    try:
        await shared.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with shared:
        print(await shared.wait_for(lambda: "ready"))
    print(isinstance(shared, asyncio.Condition), type(shared).__name__, type(shared).__module__)


asyncio.run(main())

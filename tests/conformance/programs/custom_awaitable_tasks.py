# Custom awaitables and tasks: ensure_future, gather and wait_for wrap one in a task
# (_wrap_awaitable, shown in the task's repr), create_task refuses it, a task cancelled while its
# awaitable yields gets CancelledError inside __await__, and two tasks interleave at each bare yield.
import asyncio


class Steps:
    def __init__(self, name, n):
        self.name = name
        self.n = n

    def __await__(self):
        for i in range(self.n):
            print(" ", self.name, "step", i)
            yield
        return self.name.upper()


class Stubborn:
    def __await__(self):
        try:
            while True:
                yield
        except asyncio.CancelledError:
            print("  CancelledError inside __await__")
            raise


async def worker(name, n):
    return await Steps(name, n)


async def main():
    try:
        asyncio.create_task(Steps("x", 1))
    except TypeError as e:
        print(type(e).__name__, str(e).split(" at ")[0])
    print(await asyncio.gather(worker("a", 2), worker("b", 3)))
    t = asyncio.create_task(worker("c", 2))
    await asyncio.sleep(0)
    print("task done?", t.done())
    print(await t)
    s = asyncio.create_task(worker("s", 1))
    print(await s)
    e = asyncio.ensure_future(Steps("e", 2))
    print(e)
    await asyncio.sleep(0)
    print(e)
    print(await e)
    print(e)
    print(await asyncio.gather(Steps("g1", 1), worker("g2", 1), Steps("g3", 0)))
    print(await asyncio.wait_for(Steps("w", 2), 1))
    print(await asyncio.shield(Steps("sh", 1)))
    wrapped = asyncio.ensure_future(Stubborn())
    await asyncio.sleep(0)
    wrapped.cancel()
    try:
        await wrapped
    except asyncio.CancelledError:
        print("wrapped cancelled", wrapped.cancelled())
    victim = asyncio.create_task(stubborn_user())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    victim.cancel()
    try:
        await victim
    except asyncio.CancelledError:
        print("victim cancelled", victim.cancelled())


async def stubborn_user():
    await Stubborn()


asyncio.run(main())

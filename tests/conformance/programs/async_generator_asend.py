# An asynchronous generator driven with asend() inside a task: the value sent is what its yield
# evaluates to, its awaits suspend the task awaiting asend(), StopAsyncIteration at its end, CPython's
# errors (a non-None value to a just-started generator, awaiting one asend() twice, asend() while another
# task runs it: "already running"), ag_running, and the awaitables' types and reprs.
import asyncio


async def running_total():
    total = 0
    while True:
        added = yield total
        if added is None:
            return
        await asyncio.sleep(0.1)
        total += added


async def main():
    g = running_total()
    try:
        await g.asend(5)
    except TypeError as e:
        print(type(e).__name__, e)
    print("first:", await g.asend(None))
    for n in (3, 4, 10):
        print("sent", n, "->", await g.asend(n))
    a = g.asend(1)
    print(type(a).__name__, repr(a).split(" at ")[0], g.asend.__name__, g.ag_running)
    print("awaited:", await a)
    try:
        await a
    except RuntimeError as e:
        print(type(e).__name__, e)

    async def other():
        try:
            await g.asend(2)
        except RuntimeError as e:
            print("other task:", type(e).__name__, e)

    async def feed(n):
        return await g.asend(n)

    first = asyncio.create_task(feed(100))
    await asyncio.sleep(0)
    print("while a task is inside it:", g.ag_running)
    await other()
    print("that task got", await first, g.ag_running)
    try:
        await g.asend(None)
    except StopAsyncIteration as e:
        print("end:", repr(e))
    try:
        await g.asend(1)
    except StopAsyncIteration as e:
        print("again:", repr(e))
    print(await anext(g, "default"))
    for bad in [(), (1, 2)]:
        try:
            g.asend(*bad)
        except TypeError as e:
            print(type(e).__name__, e)


asyncio.run(main())

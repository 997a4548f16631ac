# asyncio.TaskGroup: children awaited at the block's end; a failing child cancels its siblings and the body
# (ExceptionGroup, except*); two failures in one group; create_task after the block; an uncaught group.
# One sibling at most is cancelled per group: CPython cancels several in the order of a set of tasks,
# which follows their addresses (README).
# conformance: whole stderr
import asyncio

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "done at", asyncio.get_running_loop().time())
        return name
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 1))
        b = tg.create_task(job("b", 2), name="bee")
        print(tg)
    print(a.result(), b.result(), b.get_name(), tg)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("x", 1, fail=True))
            tg.create_task(job("y", 3))
            await asyncio.sleep(5)
            print("never")
    except* ValueError as eg:
        print("caught", repr(eg), eg.exceptions)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("p", 1, fail=True))
            tg.create_task(job("q", 1, fail=True))
    except ExceptionGroup as eg:
        print("two", eg)
    async with asyncio.TaskGroup() as tg:
        pass
    try:
        tg.create_task(job("late", 1))
    except RuntimeError as e:
        print(e)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("r", 1, fail=True))
        tg.create_task(job("s", 2))

asyncio.run(main())

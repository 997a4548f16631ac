# asyncio.TaskGroup when its own body raises (the children cancelled, the error in the group), when the
# parent task is cancelled from outside (CancelledError, not a group), nested groups, and entering twice
# conformance: whole stderr
import asyncio


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished", asyncio.get_running_loop().time())
    finally:
        print(name, "leaves", asyncio.get_running_loop().time())


async def body_fails():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("w1", 2))
        await asyncio.sleep(1)
        raise KeyError("body")


async def guarded():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("g1", 5))
        async with asyncio.TaskGroup() as inner:
            inner.create_task(worker("i1", 1))
            inner.create_task(worker("i2", 6))
        print("inner group done")


async def main():
    try:
        await body_fails()
    except* KeyError as eg:
        print("body error:", eg.exceptions)
    t = asyncio.create_task(guarded())
    await asyncio.sleep(2)
    print("cancelling guarded", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("guarded cancelled:", t.cancelled(), asyncio.current_task().cancelling())
    tg = asyncio.TaskGroup()
    async with tg:
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print(e)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("last", 1))
        raise OSError("boom")


asyncio.run(main())

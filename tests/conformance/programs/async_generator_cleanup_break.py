# An asynchronous generator left by `async for ... break` (or by an exception) while stopped inside
# try/finally or with: CPython's loop closes it in a task of its own (its finalizer hook's
# create_task(agen.aclose())), so its cleanup runs after the code that let it go, in Task-N; task
# names after it are numbered as CPython's. A generator with nothing to clean up takes a task too.
import asyncio


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("connect", self.name)
        return self

    async def __aexit__(self, *exc):
        print("disconnect", self.name, asyncio.current_task().get_name())
        await asyncio.sleep(0.1)
        print("disconnected", self.name)


async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("ticker closed", asyncio.current_task().get_name())


async def readings(name):
    async with Connection(name) as c:
        for i in range(5):
            await asyncio.sleep(0.05)
            yield f"{c.name}:{i}"


async def plain():
    yield 1
    yield 2


async def main():
    async for t in ticker(10):
        print("tick", t)
        if t == 2:
            break
    print("after break", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print("after sleep(0)")
    async for r in readings("db"):
        print(r)
        if r.endswith("1"):
            break
    await asyncio.sleep(0.5)
    async for p in plain():
        break
    try:
        async for t in ticker(5):
            raise ValueError("stop")
    except ValueError as e:
        print(type(e).__name__, e)
    await asyncio.sleep(0.2)
    task = asyncio.create_task(asyncio.sleep(0))
    print("next task:", task.get_name())
    await task
    print("main ends")


asyncio.run(main())
print("done")

# Asynchronous generators that fail, nest (async for inside one), are shared by two tasks ("already running") and are left by a cancelled task.
import asyncio

async def failing():
    yield "first"
    await asyncio.sleep(0.1)
    raise ValueError("broken stream")

async def slow():
    for i in range(3):
        await asyncio.sleep(1)
        yield i

async def inner():
    yield "x"
    yield "y"

async def outer():
    async for v in inner():
        await asyncio.sleep(0)
        yield v.upper()
    yield "end"

async def reader(g, name):
    try:
        async for v in g:
            print(name, "got", v)
    except RuntimeError as e:
        print(name, "error", e)

async def main():
    try:
        async for v in failing():
            print("got", v)
    except ValueError as e:
        print("caught", e)
    async for v in outer():
        print("outer", v)
    g = slow()
    t = asyncio.create_task(reader(g, "r1"))
    await asyncio.sleep(1.5)
    t2 = asyncio.create_task(reader(g, "r2"))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("r1 cancelled")
    await t2
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("finished after cancel")

asyncio.run(main())

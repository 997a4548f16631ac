# StopAsyncIteration raised inside an asynchronous generator's body is CPython's RuntimeError, caused by it.
async def f():
    yield 1
    raise StopAsyncIteration
import asyncio
async def m():
    async for x in f():
        print(x)
asyncio.run(m())

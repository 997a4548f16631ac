# Asynchronous generators: async for over them (sleeping between items, two consumers at once), __anext__() awaited by hand, StopAsyncIteration at the end and after it, break.
import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i * 10
    print("ticker done")

async def numbers():
    yield 1
    yield 2

async def consume(name, delay):
    async for v in ticker(3, delay):
        print(name, v, asyncio.get_running_loop().time() if False else "")
    total = 0
    async for x in numbers():
        total += x
    print(name, "total", total)

async def main():
    g = ticker(2, 0.1)
    print(type(g).__name__, repr(g)[:30])
    print(await g.__anext__())
    print(await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stopped")
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stopped again")
    await asyncio.gather(consume("a", 0.2), consume("b", 0.3))
    it = numbers()
    print(it.__aiter__() is it)
    async for v in numbers():
        if v == 1:
            break
    print("broke")

asyncio.run(main())

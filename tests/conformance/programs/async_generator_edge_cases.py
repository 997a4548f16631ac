# An asynchronous generator that draws from itself ("already running"), and the run ending while a task is inside another's await.
import asyncio
holder = {}
async def selfish():
    yield 1
    async for x in holder["g"]:
        yield x
async def forever():
    while True:
        await asyncio.sleep(0.5)
        yield 1
async def eat(g):
    async for _ in g:
        pass
async def main():
    holder["g"] = selfish()
    try:
        async for v in holder["g"]:
            print(v)
    except RuntimeError as e:
        print("error", e)
    t = asyncio.create_task(eat(forever()))
    await asyncio.sleep(1.2)
    print("leaving with the task pending")
asyncio.run(main())

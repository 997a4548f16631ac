# Asynchronous generators still alive when asyncio.run() ends: its loop.shutdown_asyncgens() (a task)
# closes them with a gather of their aclose(), each a task of its own, and logs what one raised ("an
# error occurred during closing of asynchronous generator"); a second asyncio.run() numbers its tasks after those.
import asyncio
async def plain():
    yield 1
    yield 2
async def ticker():
    try:
        yield 1
        await asyncio.sleep(0.1)
        yield 2
    finally:
        print("ticker closed", asyncio.current_task().get_name())
        await asyncio.sleep(0.2)
        print("ticker cleanup done")
held = []
async def main():
    g = ticker()
    held.append(g)
    print(await g.__anext__())
    print("main ends")
asyncio.run(main())
async def second():
    p = plain()
    held.append(p)
    async for x in p:
        pass
    print("second ends", asyncio.current_task().get_name())
    print(asyncio.create_task(asyncio.sleep(0)).get_name())
asyncio.run(second())
print("done")

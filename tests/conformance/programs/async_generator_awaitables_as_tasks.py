# An asynchronous generator's awaitables (anext(), __anext__(), asend(), athrow(), aclose()) and async
# context managers' __aenter__/__aexit__ handed to create_task, ensure_future, wait_for and gather: the
# task runs the generator (its prints, sleeps and result or exception are the task's), and its repr names
# the awaitable's type
import asyncio
import contextlib


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i


async def talker():
    print("start")
    x = yield 1
    print("got", x)
    await asyncio.sleep(0)
    print("after sleep")
    y = yield 2
    print("got", y)
    yield 3


@contextlib.asynccontextmanager
async def managed():
    print("enter")
    yield 5
    print("exit")


async def main():
    g = ticker()
    print(await asyncio.wait_for(anext(g), 1))
    print(await asyncio.wait_for(g.__anext__(), 1))
    print(await asyncio.gather(anext(g)))
    try:
        print(await asyncio.wait_for(anext(g), 1))
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(await asyncio.wait_for(anext(g, "default"), 1))
    g2 = ticker()
    print(await asyncio.wait_for(g2.asend(None), 1))
    print(await asyncio.wait_for(g2.aclose(), 1))

    t = talker()
    await t.asend(None)
    task = asyncio.ensure_future(t.asend(3))
    print(task)
    await asyncio.sleep(0)
    print("main resumes", t.ag_running, task)
    await asyncio.sleep(0)
    print("main resumes", t.ag_running, task)
    print(await task)
    thrown = asyncio.create_task(t.athrow(ValueError("into the generator")))
    try:
        await thrown
    except ValueError as e:
        print("task raised", repr(e), thrown)

    m = managed()
    print(await asyncio.wait_for(m.__aenter__(), 1))
    print(await asyncio.wait_for(m.__aexit__(None, None, None), 1))
    print(await asyncio.wait_for(contextlib.nullcontext(3).__aenter__(), 1))
    print(await asyncio.create_task(contextlib.nullcontext(4).__aexit__(None, None, None)))


asyncio.run(main())

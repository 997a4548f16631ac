# An asynchronous generator let go by `async for ... break` whose cleanup raises: the exception is
# its aclose() task's, which nobody awaits ("Task exception was never retrieved" when that task goes).
import asyncio


async def faulty():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup in", asyncio.current_task().get_name())
        raise KeyError("cleanup failed")


async def main():
    async for x in faulty():
        print("got", x)
        break
    await asyncio.sleep(0.1)
    print("main ends")


asyncio.run(main())
print("done")

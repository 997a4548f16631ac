# athrow() of an asynchronous generator that has not started: CPython raises the exception at its def
# line; uncaught, the traceback shows the await of athrow() and that line.
import asyncio


async def ticks():
    yield 1


async def main():
    g = ticks()
    print("throwing in before it started")
    await g.athrow(ValueError("boom"))


asyncio.run(main())

# An asynchronous generator let go by `async for ... break` a million times in a loop that never yields: each
# one's finalizer hook queues a handle that would make its aclose() task; the queue holds them all (as
# CPython's does) until the memory bound ends the run.
# expect: ResourceLimitError max_memory_bytes
import asyncio
async def ticks():
    try:
        yield 1
        yield 2
    finally:
        pass
async def main():
    for i in range(1000000):
        async for t in ticks():
            break
    print("done")
asyncio.run(main())

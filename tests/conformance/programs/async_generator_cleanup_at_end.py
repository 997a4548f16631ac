# An asynchronous generator let go just before main() returns: its aclose() task is created but has
# not run when main's task is done, so asyncio.run's cancellation of the remaining tasks throws
# CancelledError into it at its yield: its finally still runs, in that task.
import asyncio


async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("ticker closed", asyncio.current_task().get_name())


async def main():
    async for t in ticker(10):
        print(t)
        if t == 3:
            break
    print("main ends")


asyncio.run(main())
print("done")

# Countdowns that are cancelled half way: an asynchronous generator left by a cancelled task, the
# CancelledError handled with except*, and what each countdown reached.
import asyncio


async def ticks(n):
    while n > 0:
        await asyncio.sleep(1)
        yield n
        n -= 1


async def countdown(name, n, reached):
    async for t in ticks(n):
        reached[name] = t
        print(name, t)
    print(name, "lift off!")
    return name


async def main():
    reached = {}
    rocket = asyncio.create_task(countdown("rocket", 5, reached))
    probe = asyncio.create_task(countdown("probe", 2, reached))
    await asyncio.sleep(3.5)
    rocket.cancel()
    results = await asyncio.gather(rocket, probe, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    print(reached)
    try:
        raise BaseExceptionGroup("stopped", [r for r in results if isinstance(r, BaseException)])
    except* asyncio.CancelledError as group:
        print("cancelled:", len(group.exceptions), type(group).__name__)

asyncio.run(main())

# A task met again inside its own repr is "..." (reprlib.recursive_repr on asyncio's _task_repr): a
# task whose result holds itself, two tasks that each wait for the other.
import asyncio


async def selfish():
    return [asyncio.current_task(), asyncio.current_task(), 1]


async def only_me():
    return asyncio.current_task()


async def main():
    t = asyncio.create_task(selfish())
    r = await t
    print(len(r))
    print(t)
    u = asyncio.create_task(only_me())
    await u
    print(u)
    print(repr(r))


asyncio.run(main())

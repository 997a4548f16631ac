# What a run shows on the page (an awaited result, a task's result) is text CPython never makes: a
# result too long, too deep or too big to print must not end the run, as printing it would.
import asyncio


async def big():
    return 10 ** 5000


async def long():
    return list(range(200000))


async def deep():
    x = []
    for i in range(400):
        x = [x]
    return x


async def main():
    a = await big()
    b = await long()
    c = await deep()
    t = asyncio.create_task(big())
    await t
    u = asyncio.create_task(deep())
    await u
    print("ok", a % 7, len(b), len(c))


asyncio.run(main())

# A task gathered shows gather's own callback, named where asyncio defines it.
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


async def main():
    a = asyncio.create_task(work(1))
    b = asyncio.create_task(work(2))
    g = asyncio.gather(a, b, a)
    print(a)
    print(g)
    await asyncio.sleep(0)
    print(b)
    print(await g)
    print(g)


asyncio.run(main())

# Asynchronous generators each drawing from the next, 100,000 deep: RecursionError, as in CPython.
# expect: RecursionError maximum recursion depth exceeded
import asyncio


async def chain(n):
    if n == 0:
        yield 0
        return
    async for x in chain(n - 1):
        yield x + 1


async def main():
    async for x in chain(100000):
        print(x)

asyncio.run(main())

# An endless asynchronous generator collected by an async comprehension: a bound ends it.
# expect: ResourceLimitError max_
import asyncio


async def forever():
    n = 0
    while True:
        yield n
        n += 1


async def main():
    print(len([x async for x in forever()]))

asyncio.run(main())

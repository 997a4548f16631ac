# as_completed's TypeErrors: a future, an int, a generator, a coroutine instead of an iterable of awaitables (from a review against python3)
import asyncio

async def job():
    return 1

async def main():
    for bad in [asyncio.get_running_loop().create_future(), 5]:
        try:
            for c in asyncio.as_completed(bad):
                pass
        except TypeError as e:
            print("TypeError", e)
    ts = [asyncio.create_task(job())]
    try:
        for c in asyncio.as_completed(t for t in ts):
            print(await c)
    except TypeError as e:
        print("TypeError", e)
    c = job()
    try:
        for x in asyncio.as_completed(c):
            pass
    except TypeError as e:
        print("TypeError", e)
    await c

asyncio.run(main())

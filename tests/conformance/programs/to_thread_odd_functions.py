# What a worker thread sees and returns: no running loop there; a coroutine function called in a thread
# only makes a coroutine (never awaited: the warning at exit); a hundred short sleeps share the
# executor's threads (6 on 2 cores: 17 rounds).
import asyncio
import time

def inner():
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        print("in thread:", e)
    return asyncio.sleep(1)

async def coro():
    return 1

async def main():
    c = await asyncio.to_thread(inner)
    print(type(c).__name__)
    c.close()
    r = await asyncio.to_thread(coro)
    print(type(r).__name__)
    many = await asyncio.gather(*(asyncio.to_thread(time.sleep, 0.1) for _ in range(100)))
    print(len(many), asyncio.get_running_loop().time())

asyncio.run(main())

# loop.call_soon / call_later / call_at: callbacks with arguments, in the order the loop runs them
import asyncio


def hello(name, n=1):
    print("hello", name, n, "at", asyncio.get_running_loop().time())


async def worker():
    print("worker starts")
    await asyncio.sleep(0)
    print("worker after sleep(0)")
    await asyncio.sleep(1.5)
    print("worker done")


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(hello, "a")
    loop.create_task(worker())
    loop.call_soon(hello, "b", 2)
    t1 = loop.call_later(1, hello, "later-1")
    t2 = loop.call_later(2, hello, "later-2")
    t3 = loop.call_at(loop.time() + 0.5, hello, "at-0.5")
    dropped = loop.call_later(1.2, hello, "never")
    print(type(h1).__name__, type(t1).__name__, t1.when(), t3.when())
    print(h1.cancelled(), dropped.cancelled())
    dropped.cancel()
    print(dropped.cancelled(), repr(dropped))
    gone = loop.call_soon(hello, "never either")
    gone.cancel()
    print(gone)
    await asyncio.sleep(3)
    print("main done at", loop.time())


asyncio.run(main())

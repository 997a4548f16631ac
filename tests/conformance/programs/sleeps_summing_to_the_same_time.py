# 0.1 + 0.1 + 0.1 is 0.30000000000000004: that sleep ends in the same iteration as sleep(0.3) (from a review against python3)
import asyncio

async def ticker(ev):
    for i in range(3):
        await asyncio.sleep(0.1)
        print("tick", i)
    ev.set()

async def waiter(ev):
    await ev.wait()
    print("waiter saw event")

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(ticker(ev))
    w = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0.3)
    print("main woke at 0.3")
    await asyncio.sleep(0)
    print("main after yielding once")
    await asyncio.gather(t, w)

asyncio.run(main())

# asyncio.timeout: a block finishing in time, one timing out (TimeoutError chained from CancelledError,
# the inner finally run at the deadline), timeout(None) rescheduled inside the block
# conformance: whole stderr
import asyncio

async def slow(n):
    try:
        await asyncio.sleep(n)
        return n
    finally:
        print("slow", n, "finally at", asyncio.get_running_loop().time())

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(5) as cm:
        print(cm, cm.when(), cm.expired())
        print(await slow(1))
    print(cm, cm.expired())
    try:
        async with asyncio.timeout(1.5) as cm:
            print(cm)
            await slow(1)
            await slow(1)
            print("never")
    except TimeoutError as e:
        print("timed out", repr(e), cm, cm.expired(), loop.time())
    async with asyncio.timeout(None) as cm:
        print(cm)
        cm.reschedule(loop.time() + 0.25)
        print(cm)
        try:
            await slow(1)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise
    print("not reached")

asyncio.run(main())

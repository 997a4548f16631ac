# Nested asyncio.timeout blocks: the inner one expiring first becomes TimeoutError inside the outer one;
# the outer expiring first passes through the inner as CancelledError; timeout(0) and a past deadline
# expire at the next await; an outside cancel() during a block stays a CancelledError; reschedule
# after the block is a RuntimeError from timeouts.py
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10) as outer:
        try:
            async with asyncio.timeout(1) as inner:
                await asyncio.sleep(2)
        except TimeoutError:
            print("inner expired", inner, outer, loop.time())
    print("outer", outer.expired())
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(2)
            except asyncio.CancelledError:
                print("inner sees CancelledError", inner.expired(), outer.expired())
                raise
    except TimeoutError:
        print("outer expired", loop.time())
    for delay in (0, -3):
        try:
            async with asyncio.timeout(delay) as cm:
                print("entered", cm)
                await asyncio.sleep(0)
                print("never")
        except TimeoutError:
            print("expired at once", delay, loop.time())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout_at in the past", loop.time())

    async def victim():
        async with asyncio.timeout(3):
            await asyncio.sleep(10)

    t = asyncio.create_task(victim())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outside cancel stays CancelledError", t.cancelled(), loop.time())
    print(isinstance(cm, asyncio.Timeout), cm.when())
    cm.reschedule(loop.time() + 1)


asyncio.run(main())

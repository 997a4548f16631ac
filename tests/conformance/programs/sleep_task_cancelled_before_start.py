# A task made of asyncio.sleep() itself, cancelled before its first step: CPython throws the
# CancelledError into sleep() at its `async def` line, so the traceback shows that frame of tasks.py
import asyncio


async def main():
    started = asyncio.ensure_future(asyncio.sleep(1, "x"))
    await asyncio.sleep(0)
    started.cancel("why")
    try:
        await started
    except asyncio.CancelledError as e:
        print("cancelled while sleeping:", e.args)
    zero = asyncio.create_task(asyncio.sleep(0))
    zero.cancel()
    await asyncio.sleep(0)
    print(zero)
    later = asyncio.create_task(asyncio.sleep(5))
    later.cancel()
    await later


asyncio.run(main())

# A timeout and an outside cancel() of the same task: which one the task sees (from a review against python3)
import asyncio

async def body(log):
    try:
        async with asyncio.timeout(0.5) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        log.append("timeout")
    except asyncio.CancelledError:
        log.append(("cancelled", cm.expired()))
        raise

async def main():
    loop = asyncio.get_running_loop()
    log = []
    t = asyncio.create_task(body(log))
    loop.call_later(0.5, t.cancel)  # same instant as the timeout
    try:
        await t
    except asyncio.CancelledError:
        log.append("main saw cancel")
    print(log, t.cancelled())
    log = []
    t = asyncio.create_task(body(log))
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("main saw cancel")
    print(log, t.cancelled())

asyncio.run(main())

# asyncio.shield: cancelling the waiter does not cancel the shielded task, which goes on and is awaited
# later; cancelling the inner task cancels the shield; an exception passes through it
import asyncio


async def save(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise OSError(f"disk full while saving {name}")
    print("saved", name, "at", asyncio.get_running_loop().time())
    return name


async def main():
    inner = asyncio.create_task(save("report", 2))
    async def wait_shielded():
        return await asyncio.shield(inner)

    waiter = asyncio.create_task(wait_shielded())
    await asyncio.sleep(1)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled; inner done?", inner.done())
    print("inner result:", await inner)
    inner = asyncio.create_task(save("draft", 2))
    shielded = asyncio.shield(inner)
    await asyncio.sleep(1)
    inner.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        print("inner cancelled: shield cancelled too", shielded.cancelled())
    try:
        await asyncio.shield(save("log", 1, fail=True))
    except OSError as e:
        print("through the shield:", e)
    done = asyncio.create_task(save("early", 0))
    await asyncio.sleep(0.5)
    print(asyncio.shield(done) is done)


asyncio.run(main())

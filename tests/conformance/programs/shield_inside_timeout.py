# shield() inside asyncio.timeout: the block times out, the shielded task finishes (from a review against python3)
import asyncio

async def critical():
    await asyncio.sleep(0.5)
    print("critical finished", asyncio.get_running_loop().time())
    return 7

async def main():
    t = asyncio.create_task(critical())
    try:
        async with asyncio.timeout(0.2):
            await asyncio.shield(t)
    except TimeoutError:
        print("timeout, but task survives", t.done())
    print(await t)
    try:
        async with asyncio.timeout(0.2):
            await asyncio.shield(critical())
    except TimeoutError:
        print("timeout 2")
    await asyncio.sleep(1)

asyncio.run(main())

# wait_for's inner task swallows its cancellation and returns: wait_for returns that result (from a review against python3)
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("swallowing cancel")
        await asyncio.sleep(0.3)
        return "stubborn result"

async def stubborn_raise():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise KeyError("during cancel")

async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.wait_for(stubborn(), 0.2)
    print("got", r, round(loop.time(), 3))
    r = await asyncio.wait_for(stubborn(), 0)
    print("got0", r, round(loop.time(), 3))
    try:
        await asyncio.wait_for(stubborn_raise(), 0.1)
    except KeyError as e:
        print("KeyError", e, round(loop.time(), 3))

asyncio.run(main())

# wait_for when the task completes in the same iteration as the timeout (from a review against python3)
import asyncio

async def job():
    await asyncio.sleep(0.5)
    return "finished"

async def main():
    # task completes at exactly the same time as the timeout
    try:
        print(await asyncio.wait_for(job(), 0.5))
    except TimeoutError:
        print("timeout at same instant")
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.3, f.set_result, "cb")
    try:
        print(await asyncio.wait_for(f, 0.3))
    except TimeoutError:
        print("timeout for future", f.cancelled())
    f = loop.create_future()
    loop.call_later(0.2, f.set_result, "cb2")
    print(await asyncio.wait_for(f, 0.3))

asyncio.run(main())

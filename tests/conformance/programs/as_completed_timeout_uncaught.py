# as_completed(timeout=) timing out, uncaught: CPython's traceback (from a review against python3)
# conformance: whole stderr
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(2))
    for c in asyncio.as_completed([t], timeout=0.5):
        await c

asyncio.run(main())

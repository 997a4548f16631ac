# A wait_for task whose TimeoutError nobody retrieves: logged with CPython's repr of it (from a review against python3)
# conformance: whole stderr
import asyncio

async def main():
    t = asyncio.create_task(asyncio.wait_for(asyncio.sleep(5), 0.1))
    await asyncio.sleep(1)
    print(t.done())
    del t

asyncio.run(main())
print("end")

# A coroutine never awaited by a program that fails: python3 prints the traceback first, then, as the
# interpreter exits and the coroutine is collected, `sys:1: RuntimeWarning: coroutine ... was never awaited`
import asyncio


async def fetch():
    await asyncio.sleep(0)


async def main():
    pending = fetch()
    print("made", type(pending).__name__)
    raise ValueError("boom")


asyncio.run(main())

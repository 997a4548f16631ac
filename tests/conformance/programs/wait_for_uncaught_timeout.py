# An uncaught TimeoutError from asyncio.wait_for: CPython's chained traceback (the inner task's
# CancelledError through tasks.py, then the TimeoutError raised from it)
# conformance: whole stderr
import asyncio


async def fetch():
    await asyncio.sleep(10)


async def main():
    print("waiting at most 2 s")
    await asyncio.wait_for(fetch(), timeout=2)


asyncio.run(main())

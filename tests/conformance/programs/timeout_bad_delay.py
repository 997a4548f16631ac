# asyncio.timeout('1'): the TypeError raised in timeouts.py's timeout(), with CPython's frame and text
import asyncio


async def main():
    async with asyncio.timeout(2):
        await asyncio.sleep(1)
    print("ok")
    async with asyncio.timeout("1"):
        await asyncio.sleep(1)


asyncio.run(main())

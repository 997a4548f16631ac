# A loop callback that recurses without end: RecursionError at CPython's depth, logged, and the loop goes on
# conformance: whole stderr
import asyncio


def down(n):
    return down(n + 1) + 1


async def main():
    asyncio.get_running_loop().call_soon(down, 0)
    await asyncio.sleep(0.1)
    print("still running")


asyncio.run(main())

# Releasing an unlocked asyncio.Lock: CPython's RuntimeError, raised in locks.py's release
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        print("inside", lock.locked())
    lock.release()


asyncio.run(main())

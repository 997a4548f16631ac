# asyncio's primitives as classes: isinstance, type, a subclass of Lock, an attribute CPython lacks
import asyncio


class CountingLock(asyncio.Lock):
    def __init__(self):
        super().__init__()
        self.count = 0

    async def acquire(self):
        self.count += 1
        return await super().acquire()


async def main():
    lock = CountingLock()
    for _ in range(3):
        async with lock:
            pass
    print(lock.count, isinstance(lock, asyncio.Lock), type(asyncio.Event()), asyncio.Semaphore.__name__)
    print(issubclass(asyncio.BoundedSemaphore, asyncio.Semaphore), asyncio.Lock.__module__)
    lock.acquire_all()


asyncio.run(main())

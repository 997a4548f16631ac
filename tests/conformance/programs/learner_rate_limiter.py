# A learner's rate limiter: an async context manager that lets N tasks in at a time, by polling.
import asyncio


class Limiter:
    def __init__(self, slots):
        self.free = slots
        self.log = []

    async def __aenter__(self):
        while self.free == 0:
            await asyncio.sleep(0.05)
        self.free -= 1
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.free += 1
        if exc_type is not None:
            self.log.append(f"{exc_type.__name__}: {exc}")
        return exc_type is ValueError


async def call(limiter, n):
    async with limiter:
        print(f"call {n} starts at {asyncio.get_running_loop().time() - t0:.2f}")
        await asyncio.sleep(0.3)
        if n == 3:
            raise ValueError(f"bad input {n}")
        if n == 5:
            raise KeyError(n)
    return n


t0 = 0.0


async def main():
    global t0
    t0 = asyncio.get_running_loop().time()
    limiter = Limiter(2)
    results = await asyncio.gather(*(call(limiter, n) for n in range(6)), return_exceptions=True)
    print(results)
    print(limiter.log, limiter.free)


asyncio.run(main())

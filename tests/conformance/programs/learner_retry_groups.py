# Retries with backoff; each task's attempts collected; the failures that remain raised together as an
# ExceptionGroup that is not handled: CPython's boxes on stderr and exit status 1.
import asyncio
import random

random.seed(3)


class FlakyError(Exception):
    def __init__(self, name, attempt):
        super().__init__(f"{name} failed on attempt {attempt}")
        self.name = name
        self.attempt = attempt


async def flaky(name, chance):
    for attempt in range(1, 4):
        await asyncio.sleep(0.1 * 2 ** attempt)
        if random.random() > chance:
            print(f"{name} ok on attempt {attempt}")
            return name
        print(f"{name} failed attempt {attempt}")
    raise FlakyError(name, 3)


async def main():
    results = await asyncio.gather(flaky("alpha", 0.3), flaky("beta", 0.9), flaky("gamma", 0.95), return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    print("results:", [r if isinstance(r, str) else type(r).__name__ for r in results])
    if errors:
        raise ExceptionGroup("some services never answered", errors)

asyncio.run(main())

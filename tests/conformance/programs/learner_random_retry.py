# A learner's retry loop with random back-off (seeded, so python3 and loopscope draw the same).
import asyncio
import random

random.seed(2024)


class Flaky:
    def __init__(self, name, failures):
        self.name = name
        self.failures = failures

    async def call(self):
        await asyncio.sleep(random.uniform(0.05, 0.2))
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionError(f"{self.name} refused")
        return f"{self.name} ok"


async def with_retries(service, attempts=4):
    for attempt in range(1, attempts + 1):
        try:
            return await service.call()
        except ConnectionError as e:
            backoff = round(random.random() * attempt, 3)
            print(f"{service.name}: attempt {attempt} failed ({e}), waiting {backoff}")
            await asyncio.sleep(backoff)
    raise TimeoutError(f"{service.name} gave up")


async def main():
    services = [Flaky(name, random.randint(0, 4)) for name in ("auth", "users", "billing")]
    random.shuffle(services)
    print([s.name for s in services], random.choice(["a", "b", "c"]), random.sample(range(10), 3))
    results = await asyncio.gather(*(with_retries(s) for s in services), return_exceptions=True)
    print(results)


asyncio.run(main())

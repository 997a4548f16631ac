# Learner program: producers and consumers sharing a list and a dict of counters (no Queue yet) — closures, nonlocal, while loops, polling sleeps.
import asyncio

async def main():
    buffer = []
    produced = {}
    done = False

    async def producer(name, items):
        for i in range(items):
            buffer.append(f"{name}-{i}")
            produced[name] = produced.get(name, 0) + 1
            await asyncio.sleep(0.01 * (len(name) % 3 + 1))

    async def consumer(name):
        taken = []
        while not done or buffer:
            if buffer:
                taken.append(buffer.pop(0))
            await asyncio.sleep(0.004)
        return name, taken

    consumers = [asyncio.create_task(consumer(f"c{i}")) for i in range(2)]
    await asyncio.gather(producer("ab", 3), producer("xyz", 2))
    done = True
    for name, taken in await asyncio.gather(*consumers):
        print(name, len(taken), sorted(taken)[:2])
    print(produced, sum(produced.values()), buffer)

asyncio.run(main())

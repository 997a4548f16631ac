# Construct: a learner's program with random delays — workers sleeping random.uniform(...) seconds under gather, seeded, so the finishing order and times are CPython's.
import asyncio
import random

random.seed(12)


async def worker(name, jobs):
    done = []
    for job in range(jobs):
        delay = random.uniform(0.5, 2)
        await asyncio.sleep(delay)
        print(f"{name} finished job {job} after {delay:.3f}s")
        done.append(job)
    return name, len(done)


async def main():
    names = random.sample(["ana", "bo", "cy", "di", "ed"], 3)
    jobs = [random.randint(1, 3) for _ in names]
    print("workers:", names, "jobs:", jobs)
    results = await asyncio.gather(*(worker(n, j) for n, j in zip(names, jobs)))
    print(results)
    winner = random.choice(results)
    print("lucky:", winner[0])


asyncio.run(main())

# Construct: a deque of jobs worked by asyncio tasks — workers popleft() jobs until the deque is empty, failed jobs go back with appendleft() for a retry, finished ones into a deque(maxlen=3) of the latest results; the order the workers take jobs follows their sleeps.
import asyncio
from collections import deque

jobs = deque(f"job-{n}" for n in range(1, 8))
attempts = {}
recent = deque(maxlen=3)
log = []


async def worker(name, speed):
    done = 0
    while jobs:
        job = jobs.popleft()
        attempts[job] = attempts.get(job, 0) + 1
        print(f"{name} takes {job} (attempt {attempts[job]}), {len(jobs)} waiting")
        await asyncio.sleep(speed)
        if job == "job-3" and attempts[job] == 1:
            print(f"{name}: {job} failed, back to the front")
            jobs.appendleft(job)
            continue
        recent.append((job, name))
        log.append(job)
        done += 1
    return name, done


async def main():
    print("queued:", jobs)
    results = await asyncio.gather(worker("w1", 0.3), worker("w2", 0.7), worker("w3", 0.25))
    print("results:", results)
    print("latest three:", recent, recent.maxlen)
    print("log:", log, len(log))
    jobs.extend(["late-a", "late-b"])
    jobs.rotate(1)
    print("left over:", jobs, jobs[0], jobs[-1])


asyncio.run(main())

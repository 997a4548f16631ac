# time.sleep in a coroutine blocks the loop's thread, not the workers: a worker that wakes while the
# loop is blocked prints at its own time; its result waits for the loop to run again.
import asyncio
import time

START = time.monotonic()


def now():
    return round(time.monotonic() - START, 2)


def worker(n):
    time.sleep(n)
    print("worker woke at", now())
    return n * 10


async def blocker():
    await asyncio.sleep(0.25)
    print("blocker blocks the loop at", now())
    time.sleep(2)
    print("blocker done at", now())


async def main():
    t = asyncio.create_task(blocker())
    r = await asyncio.to_thread(worker, 1)
    print("result", r, "at", now())
    await t
    r = await asyncio.get_running_loop().run_in_executor(None, time.sleep, 0.5)
    print("time.sleep itself returned", r, "at", now())


asyncio.run(main())

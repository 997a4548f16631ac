# Cancelling the task that awaits to_thread does not stop the thread: it finishes its function, and
# asyncio.run's end (shutdown_default_executor) waits for it. An item still queued is skipped.
import asyncio
import time

START = time.monotonic()


def now():
    return round(time.monotonic() - START, 2)


def slow(name, seconds):
    time.sleep(seconds)
    print(name, "finished in its thread at", now())
    return name


async def main():
    task = asyncio.create_task(asyncio.to_thread(slow, "slow", 3))
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled at", now(), task.cancelled())
    print("main returns at", now())


asyncio.run(main())
print("asyncio.run returned at", now())

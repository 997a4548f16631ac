# asyncio.to_thread: blocking functions run in worker threads while the loop's tasks go on; each
# worker's time.sleep blocks that worker only, and gather returns the threads' results in order.
import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.2f}"


def download(name, seconds):
    time.sleep(seconds)
    print(f"{name} downloaded at {now()}")
    time.sleep(0.5)
    print(f"{name} saved at {now()}")
    return f"{name}.zip"


async def ticker():
    for i in range(6):
        print(f"tick {i} at {now()}")
        await asyncio.sleep(0.5)


async def main():
    results = await asyncio.gather(
        asyncio.to_thread(download, "a", 1.25),
        asyncio.to_thread(download, name="b", seconds=0.75),
        ticker(),
    )
    print(results, now())


asyncio.run(main())
print("after run", now())

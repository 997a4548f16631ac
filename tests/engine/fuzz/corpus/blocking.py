import asyncio
import time

async def work(name, n):
    print(f"{name} start")
    time.sleep(n)
    print(f"{name} done after {n}s")

async def main():
    start = time.time()
    await asyncio.gather(work("a", 1), work("b", 2))
    print(f"took {time.time() - start:.1f}s")

asyncio.run(main())

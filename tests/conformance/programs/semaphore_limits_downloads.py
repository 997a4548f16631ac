# asyncio.Semaphore limiting five downloads to two at a time; BoundedSemaphore released too often
import asyncio


async def download(sem, n):
    async with sem:
        print("download", n, "starts at", asyncio.get_running_loop().time(), sem)
        await asyncio.sleep(1)
    print("download", n, "done")
    return n


async def main():
    sem = asyncio.Semaphore(2)
    print(sem, sem.locked())
    print(await asyncio.gather(*(download(sem, n) for n in range(5))))
    print(sem)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    b.release()


asyncio.run(main())

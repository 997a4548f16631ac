# asyncio.Queue: producers and consumers, join() and task_done(), a bounded queue making put() wait
import asyncio


async def producer(q, name, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        print(name, "put", i, "qsize", q.qsize(), "at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.1)


async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "got", item, q)
        await asyncio.sleep(0.25)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q, str(q), q.maxsize, q.empty(), q.full())
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await asyncio.gather(producer(q, "a", 3), producer(q, "b", 3))
    print("produced", q)
    await q.join()
    print("all done at", asyncio.get_running_loop().time(), q)
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(q)


asyncio.run(main())

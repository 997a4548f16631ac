import asyncio


async def producer(queue, first, count):
    for item in range(first, first + count):
        await queue.put(item)


async def consumer(queue, totals, index):
    while True:
        item = await queue.get()
        totals[index] += item
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=100)
    totals = [0] * 100
    consumers = [asyncio.create_task(consumer(queue, totals, i)) for i in range(100)]
    await asyncio.gather(*[producer(queue, p * 1000, 1000) for p in range(100)])
    await queue.join()
    for c in consumers:
        c.cancel()
    print("items:", 100 * 1000, "sum:", sum(totals))


asyncio.run(main())

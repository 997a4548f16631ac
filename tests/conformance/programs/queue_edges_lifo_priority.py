# Queue edges: get_nowait on an empty queue, put_nowait on a full one, task_done too often, LIFO and priority order
import asyncio


async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), type(e), type(e).__module__)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    lifo = asyncio.LifoQueue()
    for i in range(4):
        lifo.put_nowait(i)
    print([lifo.get_nowait() for _ in range(4)])
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (5, "e"), (0, "z")]:
        await pq.put(item)
    print(pq)
    print([pq.get_nowait() for _ in range(6)])
    getter = asyncio.create_task(q.get())
    q.get_nowait()
    await asyncio.sleep(0)
    print(q)
    q.put_nowait("x")
    print(await getter)
    q.task_done()
    q.task_done()
    q.task_done()


asyncio.run(main())

# asyncio's queues and locks keep finding their own module's globals and the real builtins while the program shadows the same names (len, isinstance, collections, deque, _get_running_loop, CancelledError) and rebinds them between uses, across two asyncio.run calls and many operations
import asyncio
import collections

results = []


def len(x):
    return -1


def isinstance(obj, cls):
    return "program's isinstance"


async def use_primitives(tag, n):
    q = asyncio.Queue(3)
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    event = asyncio.Event()
    cond = asyncio.Condition()

    async def producer():
        for i in range(n):
            await q.put(i)
        await q.put(None)

    async def consumer():
        got = []
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                return got
            async with lock:
                async with sem:
                    got.append(item)

    async def waiter():
        async with cond:
            await cond.wait_for(lambda: event.is_set())
        return "woken"

    async def setter():
        await asyncio.sleep(0.01)
        async with cond:
            event.set()
            cond.notify_all()

    got, _, woken, _ = await asyncio.gather(consumer(), producer(), waiter(), setter())
    results.append((tag, got, woken, q.qsize(), q.empty(), lock.locked(), sem.locked(), repr(q).split(" at ")[0]))
    try:
        q.put_nowait(1)
        q.put_nowait(2)
        q.put_nowait(3)
        q.put_nowait(4)
    except asyncio.QueueFull as e:
        results.append((tag, "QueueFull", type(e).__name__))
    try:
        asyncio.Queue(0).get_nowait()
    except asyncio.QueueEmpty as e:
        results.append((tag, "QueueEmpty", type(e).__name__))
    try:
        lock.release()
    except RuntimeError as e:
        results.append((tag, "release", str(e)))
    await q.join() if q.empty() else None


asyncio.run(use_primitives("first", 5))
print(results)
results.clear()

collections = None
deque = "program's deque"
_get_running_loop = None
CancelledError = ValueError


def len(x):
    return -2


asyncio.run(use_primitives("second", 7))
print(results)
print(len([1, 2]), isinstance(1, int), deque, collections)

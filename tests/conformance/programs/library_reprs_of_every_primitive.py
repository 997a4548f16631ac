# The reprs of every primitive of asyncio's library, and isinstance against their classes (from a review against python3)
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock(); ev = asyncio.Event(); sem = asyncio.Semaphore(2); bs = asyncio.BoundedSemaphore(1)
    cond = asyncio.Condition(); bar = asyncio.Barrier(2); q = asyncio.Queue(3)
    for o in (lock, ev, sem, bs, cond, bar, q, asyncio.timeout(1), asyncio.timeout_at(None)):
        print(repr(o), str(o) == repr(o))
    print(asyncio.BrokenBarrierError("x"), repr(asyncio.BrokenBarrierError()))
    print(asyncio.BrokenBarrierError.__module__, asyncio.BrokenBarrierError.__name__)
    print(asyncio.Condition.__module__, asyncio.Barrier.__module__, asyncio.Timeout.__module__)
    print(asyncio.wait.__module__, asyncio.wait_for.__name__, asyncio.shield.__name__, asyncio.as_completed.__module__)
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    print(asyncio.wait, asyncio.as_completed)
    print(asyncio.Condition.wait, asyncio.Barrier.wait)
    print(cond.acquire)
    print(asyncio.Barrier.parties, asyncio.timeout)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError))
    print(asyncio.Timeout.__init__)
    async with asyncio.timeout(1.23456) as t:
        print(t)
    s = asyncio.shield(asyncio.sleep(1))
    print(s)
    s.cancel()
    print(s)
    f = loop.create_future()
    print(f)

asyncio.run(main())

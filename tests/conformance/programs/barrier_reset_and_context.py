# asyncio.Barrier as a context manager (its index), reset() while tasks wait (BrokenBarrierError for
# them, the barrier filling again), and Barrier(0)'s ValueError through locks.py
import asyncio


async def racer(barrier, name, delay):
    await asyncio.sleep(delay)
    try:
        async with barrier as position:
            print(name, "through at", asyncio.get_running_loop().time(), "index", position)
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", e, barrier)


async def main():
    barrier = asyncio.Barrier(2)
    await asyncio.gather(racer(barrier, "a", 0.1), racer(barrier, "b", 0.3))
    print(barrier)
    waiting = asyncio.create_task(racer(barrier, "c", 0))
    await asyncio.sleep(1)
    print("before reset", barrier)
    await barrier.reset()
    print("after reset", barrier)
    await waiting
    print("drained", barrier, barrier.n_waiting)
    await asyncio.gather(racer(barrier, "d", 0.2), racer(barrier, "e", 0.1))
    print(barrier, barrier.broken)
    asyncio.Barrier(0)


asyncio.run(main())

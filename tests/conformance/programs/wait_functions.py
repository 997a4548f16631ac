# asyncio.wait_for (in time, None, timing out: the task cancelled and TimeoutError from CancelledError, timeout=0),
# asyncio.wait (timeout=, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED), as_completed (with timeout=), shield
import asyncio

async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(name)
        return name
    finally:
        print(name, "ends at", asyncio.get_running_loop().time())

async def main():
    print(await asyncio.wait_for(work("quick", 1), timeout=2))
    print(await asyncio.wait_for(work("none", 1), None))
    try:
        await asyncio.wait_for(work("slow", 5), 2)
    except TimeoutError as e:
        print("timeout", repr(e), repr(e.__cause__))
    try:
        await asyncio.wait_for(work("zero", 1), 0)
    except TimeoutError:
        print("timeout 0")
    t = asyncio.create_task(work("t", 3))
    done, pending = await asyncio.wait([t], timeout=1)
    print(len(done), len(pending), pending == {t})
    tasks = [asyncio.create_task(work(f"w{i}", i, fail=(i == 2))) for i in range(1, 5)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(x.get_name() for x in done), len(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(x.get_name() for x in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), t.done())
    for c in asyncio.as_completed([asyncio.create_task(work(f"a{i}", 3 - i)) for i in range(3)]):
        print("as completed", await c)
    try:
        for c in asyncio.as_completed([asyncio.create_task(work(f"b{i}", i)) for i in range(3)], timeout=1.5):
            print("in time", await c)
    except TimeoutError:
        print("as_completed timed out", asyncio.get_running_loop().time())
    inner = asyncio.create_task(work("shielded", 2))
    outer = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), 1))
    try:
        await outer
    except TimeoutError:
        print("outer timed out; inner", inner.done())
    print(await inner)
    await asyncio.sleep(3)

asyncio.run(main())

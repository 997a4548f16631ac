# gather() keeps one child per distinct argument (its arg_to_fut dict): the same task or coroutine
# given twice runs once, and its result fills both places; among many arguments too
import asyncio

runs = 0


async def work(name, delay):
    global runs
    runs += 1
    await asyncio.sleep(delay)
    if isinstance(name, str):
        print("done", name)
    return name


async def main():
    global runs
    task = asyncio.create_task(work("task", 0.2))
    coro = work("coro", 0.1)
    print(await asyncio.gather(task, coro, task, coro))
    print("runs:", runs)
    runs = 0
    coros = [work(i, 0) for i in range(2000)]
    results = await asyncio.gather(*coros, *coros[::-1])
    print(len(results), results[:3], results[-3:], "runs:", runs)


asyncio.run(main())

# Callbacks among tasks: the order of a future's callbacks, callbacks that schedule callbacks and tasks,
# a coroutine function given to call_soon, time.sleep in a callback, what asyncio.run leaves behind
import asyncio
import time


def chain(loop, n):
    print("chain", n, loop.time())
    if n < 3:
        loop.call_soon(chain, loop, n + 1)


async def job(name):
    print("job", name, "starts")
    await asyncio.sleep(0.2)
    return name.upper()


def start_job(loop, name, tasks):
    tasks.append(loop.create_task(job(name)))
    print("started", name, "from a callback; current task:", asyncio.current_task())


async def waiter(fut, name):
    print(name, "waits")
    value = await fut
    print(name, "got", value)


async def ticking():
    print("tick")


def blocking():
    print("blocking callback sleeps 0.5 s at", asyncio.get_running_loop().time())
    time.sleep(0.5)
    print("blocking callback wakes at", asyncio.get_running_loop().time())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("first callback", f.result()))
    w1 = asyncio.create_task(waiter(fut, "w1"))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("second callback"))
    w2 = asyncio.create_task(waiter(fut, "w2"))
    await asyncio.sleep(0)
    loop.call_soon(chain, loop, 1)
    fut.set_result("ready")
    loop.call_soon(print, "queued after set_result")
    await asyncio.gather(w1, w2)

    tasks = []
    loop.call_later(0.1, start_job, loop, "a", tasks)
    loop.call_later(0.1, start_job, loop, "b", tasks)
    await asyncio.sleep(0.2)
    print(tasks)
    print(await asyncio.gather(*tasks))

    loop.call_soon(ticking)
    loop.call_later(0.1, blocking)
    before = loop.time()
    await asyncio.sleep(0.2)
    print("main slept 0.2 s and woke", loop.time() - before, "later")

    t = asyncio.create_task(job("cancelled"))
    t.add_done_callback(lambda task: print("done callback: cancelled?", task.cancelled()))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    loop.call_later(5, print, "never runs: asyncio.run closes the loop")
    loop.call_soon(print, "runs: ready before main returns")
    print("main returns")


asyncio.run(main())
print("after run")

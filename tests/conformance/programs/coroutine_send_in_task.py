# A coroutine driven by send() inside a running task: its await of asyncio.sleep(d) gives the future
# that sleep waits for, its await of a task that task, and once they are done the next send() goes on
# with their results; the driving task's own awaits are unaffected. Outside asyncio.run(),
# asyncio.sleep(1) has no running loop to ask for its future: RuntimeError.
import asyncio


async def child():
    await asyncio.sleep(3)
    return "child's result"


async def driven(task):
    print("  driven: sleeping 1s")
    slept = await asyncio.sleep(1, "slept")
    print("  driven:", slept, "now awaiting the task")
    got = await task
    print("  driven: the task gave", repr(got))
    return "driven's result"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(child(), name="child")
    coro = driven(task)
    fut = coro.send(None)
    print(type(fut).__name__, fut.done(), round(loop.time() - start, 3))
    await asyncio.sleep(1.5)
    print(fut.done(), fut.result(), round(loop.time() - start, 3))
    yielded = coro.send(None)
    print(yielded is task, yielded.get_name(), yielded.done())
    await asyncio.sleep(2)
    print("main slept until the task is done:", task.done(), round(loop.time() - start, 3))
    try:
        coro.send(None)
    except StopIteration as stop:
        print("StopIteration:", stop.value, round(loop.time() - start, 3))


asyncio.run(main())


async def naps():
    await asyncio.sleep(0)
    print("slept 0 without a loop")
    await asyncio.sleep(1)


n = naps()
print(n.send(None))
try:
    n.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    n.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

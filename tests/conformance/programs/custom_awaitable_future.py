# A generator-based awaitable waiting on an asyncio future with `yield from fut` (Future.__iter__): the task
# waits until the future is done and the await gives its result or raises its exception; gather and
# wait_for of such awaitables, a task cancelled while it waits there, a future already done.
import asyncio


class WaitFor:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        print("  waiting on the future")
        result = yield from self.fut
        print("  the future gave", result)
        return result * 2


class Sleepy:
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(self.delay, fut.set_result, self.delay)
        return (yield from fut)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, 21)
    print(await WaitFor(fut))
    print(loop.time())
    print(await Sleepy(2), loop.time())
    print(await asyncio.gather(Sleepy(1), Sleepy(0.5)), loop.time())
    done = loop.create_future()
    done.set_result("already")
    print(await WaitFor(done))
    failing = loop.create_future()
    loop.call_later(1, failing.set_exception, KeyError("lost"))
    try:
        await WaitFor(failing)
    except KeyError as e:
        print("KeyError", e)
    t = asyncio.create_task(hang())
    await asyncio.sleep(1)
    print(t)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled(), loop.time())
    try:
        await asyncio.wait_for(Sleepy(10), 1)
    except TimeoutError as e:
        print("timeout", type(e).__name__, loop.time())


async def hang():
    await WaitFor(asyncio.get_running_loop().create_future())


asyncio.run(main())

# Delegating to a future's own __await__()/__iter__() (its FutureIter) from a custom awaitable, as
# asyncio's documentation shows: the task waits on the future (a task's too); FutureIter's type name and
# its argument TypeError.
import asyncio


class Delegate:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        return (yield from self.fut.__await__())


class ViaIter:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        value = yield from self.fut.__iter__()
        return value + 1


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "one")
    print(await Delegate(fut), loop.time())
    f2 = loop.create_future()
    loop.call_later(2, f2.set_result, 41)
    print(await ViaIter(f2), loop.time())
    t = asyncio.create_task(asyncio.sleep(1, "slept"))
    print(await Delegate(t), loop.time())
    it = fut.__await__()
    print(type(it).__name__)
    try:
        fut.__await__(1)
    except TypeError as e:
        print(type(e).__name__, e)


asyncio.run(main())

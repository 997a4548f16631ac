# Driving an await of a future through a custom awaitable by hand: send() gives the future itself, a
# second send() before it is done is FutureIter's "await wasn't used with future", throw() raises at it;
# an exception the future gets, uncaught, shows __await__'s frame in the traceback.
import asyncio


class WaitFor:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        return (yield from self.fut)


async def user(aw):
    return await aw


loop = asyncio.new_event_loop()
fut = loop.create_future()
c = user(WaitFor(fut))
print(c.send(None) is fut)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

fut = loop.create_future()
c = user(WaitFor(fut))
print(c.send(None) is fut)
fut.set_result("set by hand")
try:
    c.send(None)
except StopIteration as s:
    print("StopIteration", s.value)

fut = loop.create_future()
c = user(WaitFor(fut))
c.send(None)
try:
    c.throw(ValueError("thrown at the future"))
except ValueError as e:
    print(type(e).__name__, e)
loop.close()


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_exception, OSError("the disk is gone"))
    await WaitFor(fut)


asyncio.run(main())

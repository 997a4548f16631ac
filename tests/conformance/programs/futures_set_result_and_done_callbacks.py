# Futures: create_future, set_result from a callback, done callbacks, repr at each stage, the errors
import asyncio


def report(fut):
    print("callback sees", fut)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut, fut.done(), fut.get_loop() is loop)
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        fut.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.add_done_callback(report)
    fut.add_done_callback(lambda f: print("lambda sees", f.result()))
    print(fut)
    loop.call_later(1, fut.set_result, 42)
    value = await fut
    print("awaited", value, fut, loop.time())
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.add_done_callback(report)
    await asyncio.sleep(0)

    bad = asyncio.Future()
    bad.set_exception(ValueError("boom"))
    print(bad, bad.exception())
    try:
        await bad
    except ValueError as e:
        print("await raised", repr(e))
    cls = loop.create_future()
    cls.set_exception(KeyError)
    print(repr(cls.exception()))
    for wrong in (5, StopIteration()):
        try:
            loop.create_future().set_exception(wrong)
        except TypeError as e:
            print("TypeError:", e)

    removed = loop.create_future()
    removed.add_done_callback(report)
    removed.add_done_callback(report)
    removed.add_done_callback(str)
    print(removed.remove_done_callback(report), removed)
    removed.cancel("stop")
    print(removed.cancelled(), removed)
    await asyncio.sleep(0)
    try:
        removed.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)


asyncio.run(main())

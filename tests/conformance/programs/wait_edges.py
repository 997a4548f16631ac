# asyncio.wait's refusals as CPython words them, an inner task that swallows wait_for's cancel (its
# result is returned), wait_for cancelled from outside (the inner task cancelled too)
# conformance: whole stderr
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    return "kept"


async def sleeper():
    try:
        await asyncio.sleep(10)
    finally:
        print("sleeper cancelled at", asyncio.get_running_loop().time())


async def main():
    for bad in ([], set()):
        try:
            await asyncio.wait(bad)
        except ValueError as e:
            print("ValueError:", e)
    t = asyncio.create_task(asyncio.sleep(1))
    try:
        await asyncio.wait([t], return_when="SOME")
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(t)
    except TypeError as e:
        print("TypeError:", e)
    print(await asyncio.wait_for(stubborn(), 1))
    outer = asyncio.create_task(asyncio.wait_for(sleeper(), 5))
    await asyncio.sleep(1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", outer.cancelled())
    coro = sleeper()
    try:
        await asyncio.wait([coro])
    finally:
        coro.close()


asyncio.run(main())

# Closing an asynchronous generator whose cleanup raises or yields again: awaited aclose() raises it
# (CPython's "async generator ignored GeneratorExit" for a yield), an except GeneratorExit handler
# runs, and one let go by `async for ... break` is closed in a task of its own whose exception is
# that task's.
import asyncio


async def faulty():
    try:
        yield 1
        yield 2
    finally:
        await asyncio.sleep(0.1)
        raise KeyError("cleanup failed")


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("stubborn ignores it")
        yield 2


async def polite():
    try:
        yield 1
    except GeneratorExit:
        print("polite stops", asyncio.current_task().get_name())
        raise


async def main():
    g = faulty()
    print(await g.__anext__())
    try:
        await g.aclose()
    except KeyError as e:
        print("aclose raised", type(e).__name__, e)
    s = stubborn()
    print(await s.__anext__())
    try:
        await s.aclose()
    except RuntimeError as e:
        print("aclose raised", type(e).__name__, e)
    p = polite()
    await p.__anext__()
    await p.aclose()
    async for x in polite():
        break
    print("after break")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
print("done")

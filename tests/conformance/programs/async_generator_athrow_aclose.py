# An asynchronous generator's athrow() and aclose() awaited in a task: the exception raised at the yield
# it stopped at (caught there, what it yields next is the await's value; or let out, ending it), athrow()
# before it started (raised at its def line), aclose() of a started, a fresh and a finished generator
# (None, and StopAsyncIteration after it), athrow() of a finished one (None), "already running" for each
# while another task is inside it, awaiting one aclose() twice, and the awaitables' type.
import asyncio


async def readings():
    value = 0
    while True:
        try:
            yield value
            await asyncio.sleep(0.1)
            value += 1
        except ValueError as e:
            print("  generator caught", repr(e))
            value = -1


async def main():
    g = readings()
    print(await g.asend(None), await g.asend(None))
    print("athrow caught:", await g.athrow(ValueError("reset")))
    print("athrow with a type:", await g.athrow(ValueError))
    print("athrow with a type and value:", await g.athrow(ValueError, "v"))
    print("athrow with None as traceback:", await g.athrow(ValueError, None, None))
    print("next:", await anext(g))
    try:
        await g.athrow(KeyError("not caught"))
    except KeyError as e:
        print("let out:", repr(e))
    try:
        await g.asend(None)
    except StopAsyncIteration as e:
        print("after it:", repr(e))
    print("athrow of a finished one:", await g.athrow(ValueError))
    print("aclose of a finished one:", await g.aclose())

    fresh = readings()
    try:
        await fresh.athrow(ValueError("before the start"))
    except ValueError as e:
        print("unstarted athrow:", repr(e))
    print(await fresh.aclose())

    h = readings()
    await h.asend(None)
    c = h.aclose()
    print(type(c).__name__, type(h.athrow(ValueError)).__name__)
    print("aclose:", await c, h.ag_running)
    try:
        await c
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        await anext(h)
    except StopAsyncIteration as e:
        print("after aclose:", repr(e))

    never = readings()
    print("aclose before the start:", await never.aclose())
    try:
        await never.asend(None)
    except StopAsyncIteration as e:
        print("then:", repr(e))

    busy = readings()
    await busy.asend(None)

    async def step():
        return await busy.asend(None)

    t = asyncio.create_task(step())
    await asyncio.sleep(0)
    for name, make in [("athrow", lambda: busy.athrow(ValueError)), ("aclose", busy.aclose)]:
        try:
            await make()
        except RuntimeError as e:
            print(name, type(e).__name__, e)
    print("the task got", await t)
    try:
        await busy.athrow(1)
    except TypeError as e:
        print(type(e).__name__, e)
    print("still there:", await busy.asend(None))
    await busy.aclose()


asyncio.run(main())

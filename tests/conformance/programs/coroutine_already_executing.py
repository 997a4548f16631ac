# A coroutine awaiting itself, sending to, throwing into or closing itself while it runs, directly or from a task: CPython's ValueError 'coroutine already executing'
import asyncio
async def selfawait():
    global c
    try:
        await c
    except BaseException as e:
        print("in", type(e).__name__, e)
    return 1

async def outer_awaiter():
    global d
    try:
        await d
    except BaseException as e:
        print("in2", type(e).__name__, e)
    return 2

async def main():
    global c, d
    c = selfawait()
    try:
        c.send(None)
    except StopIteration as e:
        print("stop", e.value)
    c = selfawait()
    print(await c)
    d = outer_awaiter()
    async def w():
        return await d
    try:
        print(await w())
    except BaseException as e:
        print(type(e).__name__, e)
    async def sender():
        global e_
        try:
            e_.send(None)
        except BaseException as ex:
            print("sender", type(ex).__name__, ex)
        return 3
    global e_
    e_ = sender()
    t = asyncio.create_task(e_)
    print(await t)
    async def thrower():
        global f_
        f_.throw(ValueError("x"))
    global f_
    f_ = thrower()
    try:
        await f_
    except BaseException as ex:
        print("thrower", type(ex).__name__, ex)
    async def closer():
        global g_
        g_.close()
        return 4
    global g_
    g_ = closer()
    try:
        print(await g_)
    except BaseException as ex:
        print("closer", type(ex).__name__, ex)
    print("end")

asyncio.run(main())

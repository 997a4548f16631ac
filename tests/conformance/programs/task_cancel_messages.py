# Task.cancel(msg) as CPython 3.11's C Task keeps it: the CancelledError the task's coroutine let out is
# handed, with its message and traceback, to whoever asks first (the awaiter, gather, exception(),
# result()); later ones get a new CancelledError without it; gather(return_exceptions=True) lists a new
# CancelledError of the message ('' when none); an awaited task cancelled for good ends the program.
import asyncio
async def w():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("inside", e.args)
        raise
async def main():
    t = asyncio.create_task(w())
    await asyncio.sleep(1)
    t.cancel("why")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter", e.args, repr(e))
    t2 = asyncio.create_task(asyncio.sleep(3))
    await asyncio.sleep(0)
    t2.cancel("msg2")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("awaiter2", e.args)
    try:
        t2.result()
    except asyncio.CancelledError as e:
        print("result", e.args)
asyncio.run(main())

async def w2(n):
    try:
        await asyncio.sleep(n)
    finally:
        print("w", n, "finally")
async def main2():
    tasks = [asyncio.create_task(w2(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0.5)
    tasks[0].cancel("stop one")
    tasks[1].cancel()
    g = asyncio.gather(*tasks[1:], return_exceptions=True)
    print(await g)
    for t in tasks:
        print(t.cancelled(), t.done())
    try:
        tasks[0].exception()
    except asyncio.CancelledError as e:
        print("exception()", e.args)
    await tasks[0]
asyncio.run(main2())

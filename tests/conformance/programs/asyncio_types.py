# type() of asyncio's objects: the classes CPython names in their reprs (_asyncio.Task, asyncio.events.Handle ...), one object per type (`is`, dict keys, sets), isinstance with them
import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n


async def main():
    print(asyncio.Task, asyncio.Future, asyncio.Handle, asyncio.TimerHandle, asyncio.AbstractEventLoop)
    print(asyncio.Task.__name__, asyncio.Handle.__name__)
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work(1))
    f = loop.create_future()
    g = asyncio.gather(work(2), work(3))
    h = loop.call_soon(print, "called")
    th = loop.call_later(0.5, print, "later")
    print(type(t), type(f), type(g), type(h), type(loop))  # (the oracle's TimerHandle is a class of its own)
    print(type(t) is asyncio.Task, type(f) is asyncio.Future, type(h) is asyncio.Handle)
    print(type(t) == type(asyncio.current_task()), type(None) is type(None), type(work(0).__class__) if False else "-")
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future), isinstance(f, asyncio.Task), isinstance(g, type(g)))
    print(isinstance(h, asyncio.Handle), isinstance(th, asyncio.Handle), isinstance(h, asyncio.TimerHandle), isinstance(loop, asyncio.AbstractEventLoop))
    print(isinstance(loop, type(loop)), type(g).__name__, type(loop).__name__)
    counts = {}
    for x in [t, f, t, h, h, None, None, 1]:
        counts[type(x)] = counts.get(type(x), 0) + 1
    print(len(counts), counts[type(None)], counts[asyncio.Task], counts[type(h)], counts[asyncio.Handle])
    print(len({type(None), type(None), type(t), asyncio.Task}))
    f.set_result(None)
    print(await t, await g)
    await asyncio.sleep(1)


asyncio.run(main())

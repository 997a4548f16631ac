# A chain of 5,000 tasks each awaiting the next, its repr asked for in an endless loop: each repr
# descends 244 levels before CPython's RecursionError, work that was charged nothing (the loop held
# the run for minutes of the thread, a slice at a time). Each level is charged its search and text.
# expect: ResourceLimitError the program ran more than 10000000 steps
import asyncio
async def link(nxt):
    if nxt is None:
        await asyncio.sleep(1)
    else:
        await nxt
async def main():
    t = None
    for i in range(5000):
        t = asyncio.create_task(link(t))
    await asyncio.sleep(0.1)
    while True:
        try:
            s = repr(t)
        except RecursionError:
            pass
asyncio.run(main())

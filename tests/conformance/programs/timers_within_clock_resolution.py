# Timers due within the clock's resolution (1e-09 s) of now fire in the same iteration: call_at(T) and call_at(T + 1e-10) (from a review against python3)
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    T = loop.time() + 1
    loop.call_at(T, lambda: (print("a"), loop.call_soon(print, "c")))
    loop.call_at(T + 1e-10, print, "b")
    await asyncio.sleep(2)
    # the same with sleeps: 0.1 + 0.2 != 0.3
    async def w1():
        await asyncio.sleep(0.1)
        await asyncio.sleep(0.2)
        print("w1 at 0.1+0.2")
    async def w2():
        await asyncio.sleep(0.3)
        print("w2 at 0.3")
        await asyncio.sleep(0)
        print("w2 after sleep(0)")
    await asyncio.gather(w2(), w1())

asyncio.run(main())

# A subclass of asyncio.Condition overriding notify and wait (calling super()) (from a review against python3)
import asyncio

class MyCond(asyncio.Condition):
    def __init__(self):
        super().__init__()
        self.count = 0
    def notify(self, n=1):
        self.count += 1
        print("notify", n)
        super().notify(n)
    async def wait(self):
        print("wait start")
        r = await super().wait()
        print("wait end", r)
        return r

async def main():
    c = MyCond()
    print(type(c).__name__, isinstance(c, asyncio.Condition))
    print(repr(c)[:30])
    async def w():
        async with c:
            await c.wait_for(lambda: c.count >= 2)
            print("done", c.count)
    t = asyncio.create_task(w())
    for i in range(3):
        await asyncio.sleep(0.1)
        async with c:
            c.notify_all()
    await t

asyncio.run(main())

# Custom awaitables in the other places an await happens: an __anext__ and __aenter__/__aexit__ returning one,
# StopIteration inside __await__ (PEP 479's RuntimeError), gather/wait_for of several, one cancelled
# before its task starts, __await__ delegating recursively driven by hand, run_until_complete of one.
import asyncio

class Tick:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield
        return self.v

class Counter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return Tick(self.i)

class Manager:
    def __aenter__(self): return Tick("entered")
    def __aexit__(self, *a): return Tick(False)

class StopInside:
    def __await__(self):
        yield
        raise StopIteration(5)

class Deep:
    def __init__(self, n): self.n = n
    def __await__(self):
        if self.n == 0:
            return (yield "bottom")
        return (yield from Deep(self.n - 1).__await__())

async def main():
    async for x in Counter():
        print("item", x)
    async with Manager() as m:
        print("as", m)
    try:
        await StopInside()
    except RuntimeError as e:
        print(type(e).__name__, e, repr(e.__cause__))
    print(await asyncio.gather(*(Tick(i) for i in range(3))))
    print(await asyncio.wait_for(Tick(9), timeout=None))
    t = asyncio.ensure_future(Tick(7))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start", t.cancelled())

c = Deep(3).__await__()
print(next(c))
try:
    c.send("up")
except StopIteration as s:
    print("deep", s.value)

async def user():
    return await Deep(2)
co = user()
print(co.send(None))
try:
    co.send("x")
except StopIteration as s:
    print(s.value)
asyncio.run(main())
loop = asyncio.new_event_loop()
print(loop.run_until_complete(Tick("ruc")))
loop.close()

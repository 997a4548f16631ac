# aiter() and anext() as CPython 3.11 has them: the generator itself, its __anext__() awaitable, anext()
# with a default that an exhausted generator gives (once finished, at once), the StopAsyncIteration
# without one, a user class's asynchronous iterator through them, and the TypeErrors.
import asyncio
async def gen():
    yield 1
    yield 2
class It:
    def __aiter__(self):
        return 5


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.5)
        self.n -= 1
        return self.n
async def main():
    g = gen()
    print(aiter(g) is g, anext(g), anext(g, 0))
    print(await anext(g), await anext(g, "d"), await anext(g, "d"), await anext(g, "e"))
    try:
        await anext(g)
    except StopAsyncIteration as e:
        print("stop", repr(e))
    for bad in (lambda: aiter(1), lambda: anext(1), lambda: aiter(It()), lambda: anext(g, 1, 2), lambda: anext(), lambda: aiter(g, 1), lambda: anext(g, default=1)):
        try:
            bad()
        except TypeError as e:
            print(e)
    g2 = gen()
    print([await anext(g2, None) for _ in range(4)])
    c = aiter(Countdown(2))
    print(type(c).__name__, await anext(c), await anext(c))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("countdown done")
asyncio.run(main())

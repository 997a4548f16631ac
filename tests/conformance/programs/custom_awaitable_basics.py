# A class with __await__ (a generator method, or one returning iter(...)): a bare yield is a task's
# sleep(0), the value __await__ returns is the await's, other tasks run between its yields, an
# awaitable awaited twice runs __await__ twice, and errors inside __await__ reach the awaiting line.
import asyncio


class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield
        return self.value


class Countdown:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            print("  countdown", self.n - i)
            yield
        return "lift-off"


class FromIter:
    def __await__(self):
        return iter([None, None])


class Delegating:
    def __init__(self, inner):
        self.inner = inner

    def __await__(self):
        print("  delegating to", type(self.inner).__name__)
        result = yield from self.inner.__await__()
        return result * 2


class Broken:
    def __await__(self):
        yield
        raise ValueError("broken inside __await__")


async def ticker(name, n):
    for i in range(n):
        print(" tick", name, i)
        await asyncio.sleep(0)


async def main():
    print(await Ready(5))
    r = Ready("again")
    print(await r, await r)
    t = asyncio.create_task(ticker("t", 3))
    print(await Countdown(3))
    print(await FromIter())
    print(await Delegating(Ready(21)))
    await t
    try:
        await Broken()
    except ValueError as e:
        print(type(e).__name__, e)
    results = []
    for aw in (Ready(1), Countdown(1), Delegating(Countdown(2))):
        results.append(await aw)
    print(results)


asyncio.run(main())

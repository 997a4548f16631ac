# A task whose awaitable yields what is neither None nor a future: Task.__step throws
# RuntimeError("Task got bad yield: ...") into it at its next step; the __await__ generator may catch
# it and go on, or let it reach the coroutine's await.
import asyncio


class YieldsOne:
    def __await__(self):
        yield 1
        return "never"


class Forgiving:
    def __await__(self):
        try:
            yield "a string"
        except RuntimeError as e:
            print("  __await__ caught:", e)
        return "forgiven"


class YieldsIter:
    def __await__(self):
        return iter(["x"])


async def main():
    try:
        await YieldsOne()
    except RuntimeError as e:
        print(type(e).__name__, e)
    print(await Forgiving())
    try:
        await YieldsIter()
    except RuntimeError as e:
        print(type(e).__name__, e)


async def unguarded():
    await YieldsOne()


asyncio.run(main())
try:
    asyncio.run(unguarded())
except RuntimeError as e:
    print("run:", type(e).__name__, e)

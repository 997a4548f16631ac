# An __await__ that yields a future bare (`yield fut`, not `yield from`) to its task: Task.__step's
# RuntimeError "yield was used instead of yield from", or for a future of another loop "attached to a
# different loop", thrown into the awaiting coroutine at its next step.
import asyncio


class Bare:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        yield self.fut
        return "never"


class Ready:
    def __await__(self):
        yield
        return "ready"


async def main():
    loop = asyncio.get_running_loop()
    try:
        await Bare(loop.create_future())
    except RuntimeError as e:
        print(type(e).__name__, e)
    other = asyncio.new_event_loop()
    try:
        await Bare(other.create_future())
    except RuntimeError as e:
        print(type(e).__name__, e)
    other.close()
    t = asyncio.ensure_future(Ready())
    try:
        await Bare(t)
    except RuntimeError as e:
        print(type(e).__name__, e)
    print(await t)


asyncio.run(main())

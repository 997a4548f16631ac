# A callback that schedules itself again forever: the loop never waits, and the run ends at the step bound.
# expect: ResourceLimitError steps
import asyncio


def again(loop):
    loop.call_soon(again, loop)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(again, loop)
    await asyncio.sleep(1)


asyncio.run(main())

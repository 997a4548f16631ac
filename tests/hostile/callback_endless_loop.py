# A loop callback that never returns ends at the step bound, in slices like a task's step.
# expect: ResourceLimitError steps
import asyncio


def spin():
    while True:
        pass


async def main():
    asyncio.get_running_loop().call_soon(spin)
    await asyncio.sleep(1)


asyncio.run(main())

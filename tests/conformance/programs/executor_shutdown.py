# After shutdown_default_executor(), run_in_executor(None, ...) refuses: the executor is gone.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    await loop.shutdown_default_executor()
    print("shut down")
    loop.run_in_executor(None, print, "never")


asyncio.run(main())

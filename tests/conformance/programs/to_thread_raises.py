# An exception in the worker thread reaches the task that awaits to_thread (its traceback runs through
# concurrent/futures/thread.py); uncaught, it ends asyncio.run with the thread's frames in the traceback.
import asyncio
import time


def parse(text):
    time.sleep(0.5)
    return int(text)


async def main():
    try:
        await asyncio.to_thread(parse, "twelve")
    except ValueError as e:
        print("caught", repr(e))
    loop = asyncio.get_running_loop()
    value = await loop.run_in_executor(None, parse, "12")
    print("parsed", value, loop.time())
    await loop.run_in_executor(None, parse, "x")


asyncio.run(main())

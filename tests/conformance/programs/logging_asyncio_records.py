# Construct: asyncio's own log records going through the program's logging configuration, as CPython's asyncio logs through logging.getLogger('asyncio') — "Using selector" at DEBUG as asyncio.run makes its loop, a task whose exception nobody retrieved, an exception in a call_soon callback, loop.call_exception_handler, each with its traceback, formatted by basicConfig's format; and a record from a worker thread (to_thread) naming its thread.
# conformance: whole stderr
import asyncio
import logging
import time

logging.basicConfig(level=logging.DEBUG, format="[%(levelname)s] %(name)s %(module)s.%(funcName)s:%(lineno)d %(threadName)s | %(message)s")
log = logging.getLogger("demo")


async def fails():
    await asyncio.sleep(0.1)
    raise ValueError("nobody awaits me")


def callback(n):
    log.info("callback %d", n)
    raise RuntimeError("boom in callback %d" % n)


def blocking(seconds):
    log.info("working in a thread for %s s", seconds)
    time.sleep(seconds)
    return seconds


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(fails())
    await asyncio.sleep(0.2)
    del task
    log.info("the task was let go")
    loop.call_soon(callback, 1)
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "something odd", "status": 3})
    print("thread gave", await asyncio.to_thread(blocking, 0.5))
    log.warning("done")


asyncio.run(main())

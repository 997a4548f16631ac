# Construct: five hundred failed tasks let go by one dict.clear() with logging configured: asyncio's "Task exception was never retrieved" records, one for each task in the order the dict lets them go, each written through the program's format before the next line runs (in CPython each is a Task.__del__ call of its own).
# conformance: whole stderr
import asyncio
import logging

logging.basicConfig(format="%(levelname)s %(name)s | %(message).60s")


async def fail(i):
    raise ValueError(i)


async def main():
    tasks = {i: asyncio.create_task(fail(i)) for i in range(500)}
    await asyncio.sleep(0.1)
    tasks.clear()
    print("cleared")
    logging.warning("after the records")


asyncio.run(main())

# An uncaught QueueEmpty: its traceback through queues.py, and the exception's module-qualified name
import asyncio


async def main():
    q = asyncio.PriorityQueue()
    await q.put((1, {}))
    await q.put((1, {}))


asyncio.run(main())

# An uncaught QueueEmpty from get_nowait: CPython's traceback through queues.py and the exception's full name
import asyncio


async def main():
    q = asyncio.Queue()
    q.get_nowait()


asyncio.run(main())

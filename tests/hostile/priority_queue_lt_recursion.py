# PriorityQueue items whose __lt__ puts into the same queue: RecursionError, as CPython's.
# expect: RecursionError maximum recursion depth exceeded
import asyncio


class Item:
    def __init__(self, q):
        self.q = q

    def __lt__(self, other):
        self.q.put_nowait(Item(self.q))
        return True


async def main():
    q = asyncio.PriorityQueue()
    q.put_nowait(Item(q))
    q.put_nowait(Item(q))


asyncio.run(main())

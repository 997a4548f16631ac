# A builtin method as a callback is named by its type's short name (deque.append)
import asyncio, collections

async def main():
    q = collections.deque()
    print(asyncio.get_running_loop().call_soon(q.append, 1))

asyncio.run(main())

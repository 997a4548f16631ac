# A million done callbacks on one future, each holding a big list: the memory bound ends it.
# expect: ResourceLimitError max_memory_bytes
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    big = list(range(1000))
    n = 0
    while True:
        fut.add_done_callback(lambda f, big=big[:]: None)
        n += 1


asyncio.run(main())

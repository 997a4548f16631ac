# A million calls submitted to the default executor, each holding a big list: the memory bound ends it.
# expect: ResourceLimitError max_memory_bytes
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    big = list(range(1000))
    futures = [loop.run_in_executor(None, len, list(big)) for _ in range(1_000_000)]
    await asyncio.gather(*futures)


asyncio.run(main())

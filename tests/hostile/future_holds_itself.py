# Futures holding themselves through their results and callbacks, made without end: the engine has no
# cycle collector (they go when the run ends), so the memory bound ends it, and the end frees them all.
# expect: ResourceLimitError max_memory_bytes
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    while True:
        fut = loop.create_future()
        fut.add_done_callback(lambda f, me=fut: me)
        fut.set_result(fut)
        h = loop.call_later(1000, print, None)
        h.cancel()


asyncio.run(main())

# Handles and futures name a callable or argument by the program's own __repr__
import asyncio

class P:
    def __repr__(self):
        return "P!"

    def __call__(self):
        pass

async def main():
    loop = asyncio.get_running_loop()
    print(loop.call_soon(print, P()))
    print(loop.call_soon(P()))
    fut = loop.create_future()
    fut.add_done_callback(P())
    print(fut)

asyncio.run(main())

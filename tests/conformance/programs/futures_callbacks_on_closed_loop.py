# Callbacks on a closed loop: add_done_callback and set_result raise Event loop is closed
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(1)
    g = loop.create_future()
    g.add_done_callback(print)
    return loop, f, g

loop, f, g = asyncio.run(main())
try:
    f.add_done_callback(print)
    print("added")
except RuntimeError as e:
    print("RuntimeError", e)
try:
    g.set_result(2)
    print("set")
except RuntimeError as e:
    print("RuntimeError", e)

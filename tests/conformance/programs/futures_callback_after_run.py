# add_done_callback on a finished future after asyncio.run closed its loop: Event loop is closed (once a crash)
import asyncio

async def main():
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    return f

f = asyncio.run(main())
try:
    f.add_done_callback(print)
except RuntimeError as e:
    print("RuntimeError", e)

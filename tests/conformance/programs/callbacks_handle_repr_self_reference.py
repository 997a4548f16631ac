# A handle among its own arguments: reprlib's nesting limit, as CPython prints it
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    box = []
    h = loop.call_soon(print, box)
    box.append(h)
    try:
        print(h)
    except RecursionError:
        print("RecursionError")
    fut = loop.create_future()
    fut.set_result(box)
    try:
        print(fut)
    except RecursionError:
        print("RecursionError")

asyncio.run(main())

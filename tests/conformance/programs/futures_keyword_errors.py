# Keyword errors of asyncio.Future() and add_done_callback(), as CPython words them
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    for call in (lambda: asyncio.Future(x=1), lambda: fut.add_done_callback(print, x=1)):
        try:
            call()
        except TypeError as e:
            print(e)

asyncio.run(main())

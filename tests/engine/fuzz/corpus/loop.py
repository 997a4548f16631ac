from asyncio import AbstractEventLoop
import asyncio
async def main():
	print("hi")
loop: AbstractEventLoop = asyncio.get_event_loop()
try:
	print(loop.is_running())
	loop.run_until_complete(main())
finally:
	loop.close()
	print(loop.is_closed())
def f():
    x = 1/0
async def m2():
    f()
asyncio.run(m2())

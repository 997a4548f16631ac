# Rule: new_event_loop/run_until_complete/close: the loop runs only inside run_until_complete; results come back.
import asyncio
from asyncio import AbstractEventLoop

async def add(a, b):
	await asyncio.sleep(0.5)
	return a + b

async def report(loop):
	print("inside: running?", loop.is_running())
	return "report done"

loop: AbstractEventLoop = asyncio.new_event_loop()
print("new loop running?", loop.is_running(), "closed?", loop.is_closed())
print("first:", loop.run_until_complete(add(1, 2)))
print("second:", loop.run_until_complete(add(3, 4)))
print(loop.run_until_complete(report(loop)))
print("between runs: running?", loop.is_running())
loop.close()
print("closed?", loop.is_closed())

# Rule: time.sleep blocks the whole event loop: a task due at t=1 only runs when the blocking call returns.
import asyncio
import time

async def punctual():
	print("punctual waits 1")
	await asyncio.sleep(1)
	print("punctual woke (late)")

async def main():
	task = asyncio.create_task(punctual())
	await asyncio.sleep(0)
	print("main blocks for 2")
	time.sleep(2)
	print("main unblocked")
	await asyncio.sleep(0)
	print("main after yielding")
	await task

asyncio.run(main())

# Rule: timers with equal deadlines fire in the order they were scheduled (FIFO), not by task name or creation.
import asyncio

async def sleeper(name, delay):
	print("scheduling", name)
	await asyncio.sleep(delay)
	print("woke", name)

async def late(name):
	await asyncio.sleep(0)
	print("scheduling", name)
	await asyncio.sleep(1)
	print("woke", name)

async def main():
	first = asyncio.create_task(late("c"))
	second = asyncio.create_task(sleeper("a", 1))
	third = asyncio.create_task(sleeper("b", 1))
	await asyncio.sleep(1)
	print("main woke")
	await first
	await second
	await third

asyncio.run(main())

# Rule: an exception in one gathered coroutine propagates out of gather at once; the others keep running.
import asyncio

async def fails(delay):
	await asyncio.sleep(delay)
	print("about to fail")
	raise ValueError("boom")

async def slow(name, delay):
	print(name, "started")
	await asyncio.sleep(delay)
	print(name, "finished anyway")
	return name

async def main():
	try:
		await asyncio.gather(slow("left", 2), fails(1), slow("right", 3))
	except ValueError as e:
		print("main caught", e)
	print("main keeps going")
	await asyncio.sleep(2.5)
	print("main done")

asyncio.run(main())

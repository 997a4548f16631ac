# Rule: nested awaits run in one task; sleeps along the chain add up, and another task interleaves at each one.
import asyncio

async def inner(depth):
	print("inner", depth, "sleeps")
	await asyncio.sleep(0.5)
	return depth

async def middle(depth):
	print("middle", depth)
	value = await inner(depth + 1)
	await asyncio.sleep(0.25)
	return value + 10

async def outer():
	print("outer starts")
	value = await middle(1)
	print("outer got", value)
	return value

async def watcher():
	for i in range(4):
		print("watcher tick", i)
		await asyncio.sleep(0.3)

async def main():
	w = asyncio.create_task(watcher())
	result = await outer()
	print("main got", result)
	await w

asyncio.run(main())

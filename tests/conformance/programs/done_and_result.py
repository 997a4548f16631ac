# Rule: Task.done() is False until the coroutine returns; Task.result() then gives its return value.
import asyncio

async def compute(x):
	await asyncio.sleep(1)
	return x * x

async def main():
	task = asyncio.create_task(compute(7))
	print("done at start:", task.done())
	await asyncio.sleep(0.5)
	print("done halfway:", task.done())
	await asyncio.sleep(1)
	print("done after:", task.done())
	print("result:", task.result())
	print("awaited:", await task)

asyncio.run(main())

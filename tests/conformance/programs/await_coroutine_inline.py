# Rule: `await coro()` runs the coroutine inside the awaiting task, at once; no other task runs in between.
import asyncio

async def helper(n):
	print("helper starts", n)
	return n * 2

async def background():
	print("background runs")

async def main():
	task = asyncio.create_task(background())
	result = await helper(21)
	print("helper returned", result)
	result = await helper(1)
	print("still before background:", task.done())
	await task

asyncio.run(main())

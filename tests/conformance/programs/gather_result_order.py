# Rule: gather returns results in argument order, whatever order the awaitables complete in.
import asyncio

async def work(name, delay):
	print("start", name)
	await asyncio.sleep(delay)
	print("finish", name)
	return name

async def main():
	results = await asyncio.gather(work("slow", 3), work("fast", 1), work("medium", 2))
	print(results)
	t = asyncio.create_task(work("task", 0.5))
	a, b = await asyncio.gather(work("coro", 1), t)
	print(a, b)

asyncio.run(main())

# Rule: await asyncio.sleep(0) yields to the loop exactly once, so two tasks alternate step by step.
import asyncio

async def ticker(name, count):
	for i in range(count):
		print(name, i)
		await asyncio.sleep(0)
	print(name, "done")

async def main():
	a = asyncio.create_task(ticker("a", 3))
	b = asyncio.create_task(ticker("b", 2))
	print("main before sleep(0)")
	await asyncio.sleep(0)
	print("main after one sleep(0)")
	await a
	await b

asyncio.run(main())

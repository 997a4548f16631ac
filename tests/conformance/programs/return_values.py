# Rule: return values travel through await, tasks and gather; a bare return or no return gives None.
import asyncio

async def nothing():
	pass

async def bare():
	return

async def pair(a, b):
	return a, b

async def several():
	return [1, "two", 3.0]

def plain(x, y=10):
	return x + y

async def main():
	print(await nothing(), await bare())
	print(await pair("x", 2))
	first, second = await pair(1, 2)
	print(first, second)
	print(await several())
	print(plain(1), plain(1, 2), plain(y=5, x=1))
	task = asyncio.create_task(pair(True, None))
	print(await task)

asyncio.run(main())

# Rule: tasks are named Task-N in creation order (main is Task-1) unless name= is given; get_name reports it.
import asyncio

async def nap(delay):
	await asyncio.sleep(delay)
	return delay

async def main():
	a = asyncio.create_task(nap(0.1))
	b = asyncio.create_task(nap(0.2), name="worker")
	c = asyncio.create_task(nap(0.3))
	print(a.get_name(), b.get_name(), c.get_name())
	await asyncio.gather(a, b, c)
	d = asyncio.create_task(nap(0))
	print("after a gather:", d.get_name())
	await d

asyncio.run(main())

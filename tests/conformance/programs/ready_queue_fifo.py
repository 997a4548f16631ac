# Rule: the ready queue is FIFO: tasks first run in creation order and resume in the order they became ready.
import asyncio

async def worker(name, rounds):
	for i in range(rounds):
		print(name, "round", i)
		await asyncio.sleep(0)

async def main():
	tasks = []
	for name in ["a", "b", "c"]:
		tasks = tasks + [asyncio.create_task(worker(name, 2))]
	print("created three")
	for t in tasks:
		await t
	print("all done")

asyncio.run(main())

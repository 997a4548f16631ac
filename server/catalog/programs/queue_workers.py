import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def producer(name: str, queue: asyncio.Queue, jobs: list):
	for job in jobs:
		await asyncio.sleep(1)			# making a job takes 1 second
		await queue.put(job)
		print(f"t={now()} {name} puts {job}")

async def consumer(name: str, queue: asyncio.Queue):
	while True:
		job = await queue.get()			# waits while the queue is empty
		print(f"t={now()} {name} takes {job}")
		await asyncio.sleep(3)			# doing a job takes 3 seconds
		queue.task_done()

async def main():
	queue = asyncio.Queue()
	consumers = [asyncio.create_task(consumer(name, queue)) for name in ("C1", "C2")]
	await asyncio.gather(producer("P1", queue, ["a", "b"]), producer("P2", queue, ["x", "y"]))
	print(f"t={now()} producers done; waiting for the queue")
	await queue.join()				# until task_done() for every job put
	print(f"t={now()} every job is done")
	for task in consumers:
		task.cancel()				# they would wait forever otherwise

asyncio.run(main())

import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def fetch(mirror: str, seconds: int) -> str:
	await asyncio.sleep(seconds)
	return f"the file, from {mirror}"

async def main():
	tasks = [
		asyncio.create_task(fetch("mirror A", 3)),
		asyncio.create_task(fetch("mirror B", 1)),
		asyncio.create_task(fetch("mirror C", 2)),
	]
	done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
	print(f"t={now()} {len(done)} done, {len(pending)} pending")
	winner = done.pop()
	print("Got", winner.result())

	for task in tasks:
		if task in pending:
			task.cancel()			# nobody needs the slower copies
	await asyncio.wait(pending)
	print(f"t={now()} cancelled:", [task.cancelled() for task in tasks])

asyncio.run(main())

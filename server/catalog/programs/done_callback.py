import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def bake(cake: str) -> str:
	await asyncio.sleep(2)
	return cake

def announce(task: asyncio.Task):		# gets the finished task
	print(f"t={now()} callback: {task.result()} is ready")

async def main():
	task = asyncio.create_task(bake("lemon cake"))
	task.add_done_callback(announce)
	print(f"t={now()} callback added")
	result = await task
	print(f"t={now()} main: got {result}")

asyncio.run(main())

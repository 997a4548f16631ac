# Rule: an exception raised inside a task is stored on it and re-raised where the task is awaited.
import asyncio

async def broken():
	print("broken starts")
	await asyncio.sleep(1)
	raise ValueError("inside the task")

async def main():
	task = asyncio.create_task(broken())
	await asyncio.sleep(0.5)
	print("task done?", task.done())
	try:
		await task
	except ValueError as e:
		print("main caught:", e)
	print("task done now?", task.done())

asyncio.run(main())

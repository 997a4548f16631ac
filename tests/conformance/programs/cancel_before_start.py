# Rule: a task cancelled before its first step never runs its body; awaiting it raises CancelledError.
import asyncio

async def body():
	print("body runs (it should not)")

async def main():
	task = asyncio.create_task(body())
	print("cancel:", task.cancel())
	print("done before yielding:", task.done())
	try:
		await task
	except asyncio.CancelledError:
		print("CancelledError from the cancelled task")
	print("done:", task.done())
	print("cancel again:", task.cancel())

asyncio.run(main())

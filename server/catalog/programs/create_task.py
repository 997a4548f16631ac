import asyncio
from asyncio import Task			# Import `Task` for type-hints

async def foo():
	print("This goes first!")
	await asyncio.sleep(2)

async def main():
	my_task: Task = asyncio.create_task(foo())	# Make `foo()` a task
	await my_task				# Let the task finish running and wait for completion...
	print("This goes second, after waiting!")

asyncio.run(main())

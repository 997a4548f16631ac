from asyncio import Task
import asyncio

async def main():
	my_task: Task = asyncio.create_task(foo())	# 1. Declare a task: run this when there is idle time
	print("This goes first!")			# 2. This runs fist
	await asyncio.sleep(2)			# 3. Create idle time, let the foo() task run
	print("This goes third!")			# 6. This runs third during the foo() idle time
	foo_return: str = await my_task		# 7. Don't cut foo() short; let it finish
	print(foo_return)				# 9. Finish by printing the returned result of foo()

async def foo() -> str:
	print("This goes second!")			# 4. This runs second during the main() idle time
	await asyncio.sleep(2)			# 5. Create idle time, let main() continue
	return "This goes fourth!"			# 8. Run this, as main() awaits foo() to finish

asyncio.run(main())

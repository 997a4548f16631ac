import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def download():
	print(f"t={now()} download starts")
	try:
		await asyncio.sleep(10)
		print("download complete")		# never printed
	except asyncio.CancelledError as error:
		print(f"t={now()} download cancelled: {error.args}")
		raise					# let the cancellation go on
	finally:
		print(f"t={now()} cleanup: closing the connection")

async def main():
	task = asyncio.create_task(download())
	await asyncio.sleep(2)
	task.cancel("the user pressed Stop")	# asks; the task is not stopped yet
	print(f"t={now()} cancel requested; task.done() = {task.done()}")
	try:
		await task
	except asyncio.CancelledError as error:
		print(f"t={now()} main sees CancelledError{error.args}")
	print("task.cancelled() =", task.cancelled())

asyncio.run(main())

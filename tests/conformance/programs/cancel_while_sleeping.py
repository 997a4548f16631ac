# Rule: cancelling a sleeping task raises CancelledError at its await point; except/finally run, then it is done.
import asyncio

async def sleeper():
	try:
		print("sleeper: going to sleep for 5")
		await asyncio.sleep(5)
		print("sleeper: not reached")
	except asyncio.CancelledError:
		print("sleeper: caught CancelledError")
		raise
	finally:
		print("sleeper: finally")

async def main():
	task = asyncio.create_task(sleeper())
	await asyncio.sleep(1)
	print("main: cancel returns", task.cancel())
	print("main: done right after cancel?", task.done())
	try:
		await task
	except asyncio.CancelledError:
		print("main: awaiting the task raised CancelledError")
	print("main: done now?", task.done())

asyncio.run(main())

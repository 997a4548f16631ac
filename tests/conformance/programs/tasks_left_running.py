# Rule: a task still pending when main returns is cancelled by asyncio.run (its except/finally blocks run).
import asyncio

async def forever(name):
	try:
		print(name, "started")
		await asyncio.sleep(10)
		print(name, "never gets here")
	except asyncio.CancelledError:
		print(name, "cancelled")
		raise
	finally:
		print(name, "finally")

async def main():
	# One task only: CPython cancels leftover tasks in the iteration order of a set (memory addresses).
	asyncio.create_task(forever("leftover"))
	finished = asyncio.create_task(asyncio.sleep(0.5))
	await asyncio.sleep(1)
	print("main returns")

asyncio.run(main())
print("after asyncio.run")

import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def step(name: str, seconds: int):
	print(f"t={now()} {name} starts ({seconds} s)")
	try:
		await asyncio.sleep(seconds)
	except asyncio.CancelledError:
		print(f"t={now()} {name} is cancelled")
		raise
	print(f"t={now()} {name} done")

async def main():
	try:
		async with asyncio.timeout(5):		# one deadline for the whole block: t = 5
			await step("download", 2)
			await step("unpack", 2)
			await step("install", 2)		# would end at t = 6: too late
		print("installed")
	except TimeoutError:
		print(f"t={now()} the block ran out of time")

asyncio.run(main())

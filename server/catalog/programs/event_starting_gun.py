import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def runner(name: str, gun: asyncio.Event, seconds: int):
	print(f"t={now()} {name} is on the line")
	await gun.wait()				# blocks until someone calls gun.set()
	print(f"t={now()} {name} starts running")
	await asyncio.sleep(seconds)
	print(f"t={now()} {name} finishes")

async def main():
	gun = asyncio.Event()
	runners = [
		asyncio.create_task(runner("Ada", gun, 3)),
		asyncio.create_task(runner("Bo", gun, 2)),
	]
	await asyncio.sleep(1)			# the runners get ready meanwhile
	print(f"t={now()} Bang!")
	gun.set()					# wakes every waiter at once
	await asyncio.gather(*runners)

asyncio.run(main())

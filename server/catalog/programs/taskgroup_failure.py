import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def fetch(what: str, seconds: int) -> str:
	print(f"t={now()} fetching {what}")
	try:
		await asyncio.sleep(seconds)
	except asyncio.CancelledError:
		print(f"t={now()} {what} is cancelled")
		raise
	print(f"t={now()} got {what}")
	return what

async def fetch_prices():
	await asyncio.sleep(2)
	raise ValueError("prices: bad data")

async def main():
	try:
		async with asyncio.TaskGroup() as group:
			group.create_task(fetch("users", 1))
			group.create_task(fetch("orders", 5))
			group.create_task(fetch_prices())
		print("all fetched")			# never printed
	except* ValueError as failures:
		print(f"t={now()} caught {failures!r}")

asyncio.run(main())

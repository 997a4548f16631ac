import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def download(slots: asyncio.Semaphore, n: int):
	async with slots:				# waits while two downloads hold the slots
		print(f"t={now()} download {n} starts")
		await asyncio.sleep(2)
		print(f"t={now()} download {n} done")

async def main():
	slots = asyncio.Semaphore(2)		# at most two at a time
	await asyncio.gather(*(download(slots, n) for n in range(1, 6)))
	print(f"t={now()} all five downloaded")

asyncio.run(main())

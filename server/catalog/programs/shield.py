import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def save_to_disk() -> str:
	print(f"t={now()} saving starts")
	await asyncio.sleep(3)
	print(f"t={now()} saving done")
	return "saved"

async def main():
	save = asyncio.create_task(save_to_disk())
	try:
		# wait_for cancels what it waits for on timeout; shield takes that cancellation
		await asyncio.wait_for(asyncio.shield(save), timeout=1)
	except TimeoutError:
		print(f"t={now()} stopped waiting; save.cancelled() = {save.cancelled()}")
	result = await save				# the save went on regardless
	print(f"t={now()} result: {result}")

asyncio.run(main())

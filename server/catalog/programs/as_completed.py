import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def cook(dish: str, seconds: int) -> str:
	print(f"t={now()} start {dish}")
	await asyncio.sleep(seconds)
	return dish

async def main():
	tasks = [
		asyncio.create_task(cook("soup", 3)),
		asyncio.create_task(cook("salad", 1)),
		asyncio.create_task(cook("bread", 2)),
	]
	# Results come back in the order they finish, not the order of the list
	for next_done in asyncio.as_completed(tasks):
		dish = await next_done
		print(f"t={now()} serve {dish}")

asyncio.run(main())

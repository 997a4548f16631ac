import asyncio

async def brew_coffee() -> str:
	print("Start brewing coffee...")
	await asyncio.sleep(3)
	print("Done brewing coffee.")
	return "Coffee is ready!"

async def toast_bagel() -> str:
	print("Start toasting bagel...")
	await asyncio.sleep(3)
	print("Done toasting bagel.")
	return "Bagel is ready!"

async def main():
	# Group the coroutines together in a batch
	batch_coroutines = asyncio.gather(brew_coffee(), toast_bagel())
	
	# Run the coroutine group
	coffee_result, bagel_result = await batch_coroutines
	print(coffee_result)
	print(bagel_result)
	
asyncio.run(main())

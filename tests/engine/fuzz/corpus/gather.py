import asyncio
import time

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
	start = time.time()
	batch_coroutines = asyncio.gather(brew_coffee(), toast_bagel())
	coffee_result, bagel_result = await batch_coroutines
	print(coffee_result, bagel_result)
	print(f"Total time: {time.time() - start:.2f} seconds")

asyncio.run(main())

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
	coffee_result: str = await brew_coffee()
	bagel_result: str = await toast_bagel()
	print(coffee_result)
	print(bagel_result)

asyncio.run(main())

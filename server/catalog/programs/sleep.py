import asyncio

async def main():
	print("Hello World!")
	await asyncio.sleep(5)
	print("I just waited for 5 seconds!")

asyncio.run(main())

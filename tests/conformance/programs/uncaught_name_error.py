# Error: an uncaught NameError (an undefined name) in a coroutine ends the program with exit status 1.
import asyncio

async def main():
	print("before the typo")
	await asyncio.sleep(0.25)
	print(qqqzzz)

asyncio.run(main())

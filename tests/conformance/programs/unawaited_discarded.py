# Warning: a coroutine object dropped at once (never awaited) warns right there, between the prints around it.
import asyncio

async def brew_coffee():
	print("never printed")

async def main():
	print("before")
	brew_coffee()
	print("after")
	await asyncio.sleep(1)
	print("main done")

asyncio.run(main())

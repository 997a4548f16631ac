# Warning: a never-awaited coroutine held in a local warns when the holding frame ends (main's return, t=1).
import asyncio

async def brew_coffee():
	print("never printed")

async def toast_bagel():
	print("never printed either")

async def main():
	coffee = brew_coffee()
	print("created a coroutine")
	bagel = toast_bagel()
	await asyncio.sleep(1)
	print("main returns")

asyncio.run(main())
print("after asyncio.run")

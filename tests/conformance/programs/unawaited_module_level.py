# Warning: a never-awaited coroutine bound to a module-level name warns only at interpreter exit, after all prints.
import asyncio

async def brew_coffee():
	print("never printed")

async def main():
	print("main runs")
	await asyncio.sleep(0.5)

pending = brew_coffee()
asyncio.run(main())
print("last print")

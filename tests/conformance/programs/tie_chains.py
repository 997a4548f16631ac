# Rule: of timers due at the same instant after different chains of sleeps, the one scheduled first fires first.
import asyncio

async def chain(name, delays):
	for delay in delays:
		await asyncio.sleep(delay)
	print(name, "arrives")

async def main():
	quarters = asyncio.create_task(chain("quarters", [0.25, 0.25, 0.25, 0.25]))
	halves = asyncio.create_task(chain("halves", [0.5, 0.5]))
	whole = asyncio.create_task(chain("whole", [1]))
	await asyncio.sleep(1)
	print("main arrives")
	await asyncio.gather(quarters, halves, whole)

asyncio.run(main())

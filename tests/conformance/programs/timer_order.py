# Rule: timers fire by deadline, not by the order they were set; shorter sleeps set later wake first.
import asyncio

async def waiter(name, delay):
	await asyncio.sleep(delay)
	print(name, "woke after", delay)

async def main():
	a = asyncio.create_task(waiter("long", 2))
	b = asyncio.create_task(waiter("short", 0.5))
	c = asyncio.create_task(waiter("middle", 1.25))
	await asyncio.sleep(0.75)
	d = asyncio.create_task(waiter("late-short", 0.25))
	await asyncio.gather(a, b, c, d)
	print("done")

asyncio.run(main())

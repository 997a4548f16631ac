# Rule: loop.time() and time.time() advance by the program's sleeps (checked as differences, not absolute values).
import asyncio
import time

async def main():
	loop = asyncio.get_event_loop()
	start = loop.time()
	wall = time.time()
	await asyncio.sleep(1.5)
	elapsed = loop.time() - start
	print("after 1.5:", elapsed > 1.45, elapsed < 1.55)
	await asyncio.sleep(0)
	print("sleep(0) costs no time:", loop.time() - start < 1.55)
	time.sleep(1)
	elapsed = loop.time() - start
	print("after time.sleep(1):", elapsed > 2.45, elapsed < 2.55)
	wall_elapsed = time.time() - wall
	print("time.time agrees:", wall_elapsed > 2.45, wall_elapsed < 2.55)

asyncio.run(main())

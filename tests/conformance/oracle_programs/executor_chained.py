# Executor: run_in_executor with sleeps inside the worker; the loop blocked by time.sleep meanwhile; a timeout.
import asyncio
import time

def worker(steps):
	total = 0
	for step in steps:
		time.sleep(step)
		total += step
	return total

async def main():
	loop = asyncio.get_running_loop()
	start = loop.time()
	future = loop.run_in_executor(None, worker, [0.25, 0.5, 0.25])
	time.sleep(0.5)
	print("loop blocked until", round(loop.time() - start, 1))
	print("worker gave", await future, "at", round(loop.time() - start, 1))
	try:
		await asyncio.wait_for(asyncio.to_thread(time.sleep, 1), timeout=0.5)
	except asyncio.TimeoutError:
		print("timed out at", round(loop.time() - start, 1))
	await asyncio.sleep(0.3)
	print("after the timeout", round(loop.time() - start, 1))

asyncio.run(main())

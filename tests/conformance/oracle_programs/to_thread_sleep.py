# Executor: a thread's time.sleep runs beside the loop's timers; its result reaches the loop when it ends.
import asyncio
import time

def blocking_work(seconds):
	print("thread sleeps", seconds)
	time.sleep(seconds)
	print("thread wakes")
	return seconds * 10

async def threaded():
	result = await asyncio.to_thread(blocking_work, 1.25)
	print("thread gave", result)
	return result

async def ticker():
	for i in range(4):
		await asyncio.sleep(0.5)
		print("tick", i + 1)

async def main():
	start = time.perf_counter()
	result, _ = await asyncio.gather(threaded(), ticker())
	print("result", result)
	print("elapsed", round(time.perf_counter() - start))

asyncio.run(main())
